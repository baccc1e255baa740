package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoScriptTest {

    private static Map<Workload, Long> countByWorkload(int requests) {
        return DemoScript.steps(requests, 42).stream()
                .collect(Collectors.groupingBy(DemoStep::workload, Collectors.counting()));
    }

    @Test
    void steps_makeAsManyPreviewRequestsAsAsked() {
        assertThat(countByWorkload(200).get(Workload.PREVIEW)).isEqualTo(200);
    }

    @Test
    void steps_coverEveryWorkloadEvenForFewRequests() {
        assertThat(countByWorkload(3)).containsOnlyKeys(Workload.values());
    }

    @Test
    void steps_sameSeed_sameOrder() {
        assertThat(DemoScript.steps(50, 9).stream().map(DemoStep::workload).toList())
                .isEqualTo(DemoScript.steps(50, 9).stream().map(DemoStep::workload).toList());
    }

    @Test
    void steps_anotherSeed_anotherOrder() {
        assertThat(DemoScript.steps(50, 9).stream().map(DemoStep::workload).toList())
                .isNotEqualTo(DemoScript.steps(50, 10).stream().map(DemoStep::workload).toList());
    }

    @Test
    void steps_workloadSizesFollowTheRequestCount() {
        Map<Workload, Long> counts = countByWorkload(200);

        assertThat(counts).containsEntry(Workload.SCENE_READS, 50L).containsEntry(Workload.DECISIONS, 40L)
                .containsEntry(Workload.BUILDS, 20L).containsEntry(Workload.LLM, 20L);
    }
}
