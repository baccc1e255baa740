package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@code DEMO_SUMMARY {json}} line test-app's demo prints last. */
record DemoSummary(JsonNode json) {
    private static final String PREFIX = "DEMO_SUMMARY ";
    /** The work a demo run did; equal between two runs of the same workload that behave the same. */
    private static final List<String> COUNTS = List.of("requests", "dbQueries", "promptQueries", "providerCalls",
            "builds", "errors");
    /** One plain run per workload for the whole test JVM: the baseline does not change between tests. */
    private static final Map<List<String>, DemoSummary> BASELINES = new ConcurrentHashMap<>();

    /** The summary of {@code test-app demoArgs} without the agent. */
    static DemoSummary withoutAgent(String... demoArgs) {
        return BASELINES.computeIfAbsent(List.of(demoArgs), args -> {
            try {
                return of(ChildJvm.java().testApp(demoArgs).run());
            } catch (Exception e) {
                throw new AssertionError("the plain demo run failed", e);
            }
        });
    }

    /** Asserts that this run did exactly the work of {@code expected}: same requests, queries, calls, builds, errors. */
    void assertSameWorkAs(DemoSummary expected) {
        for (String count : COUNTS) {
            assertThat(json.path(count).asLong()).as(count).isEqualTo(expected.json.path(count).asLong());
        }
    }

    static DemoSummary of(ChildJvm jvm) {
        List<String> lines = jvm.stdout().stream().filter(l -> l.startsWith(PREFIX)).toList();
        if (lines.size() != 1) {
            throw new AssertionError("expected one DEMO_SUMMARY line\n" + jvm.transcript());
        }
        return new DemoSummary(Events.json(lines.get(0).substring(PREFIX.length())));
    }

    long dbQueries() {
        return json.path("dbQueries").asLong();
    }

    long providerCalls() {
        return json.path("providerCalls").asLong();
    }

    long requests() {
        return json.path("requests").asLong();
    }

    long errors() {
        return json.path("errors").asLong();
    }
}
