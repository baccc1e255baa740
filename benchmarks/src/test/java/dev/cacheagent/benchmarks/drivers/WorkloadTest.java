package dev.cacheagent.benchmarks.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkloadTest {
    private final Workload workload = new Workload();

    private List<Workload.Request> draw(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        return IntStream.range(0, count).mapToObj(i -> workload.next(random)).toList();
    }

    @Test
    void next_withTheSameSeed_makesTheSameRequests() {
        assertThat(draw(42, 200)).isEqualTo(draw(42, 200));
    }

    private static Map<Workload.Kind, Integer> kinds(Workload workload, int count) {
        SplittableRandom random = new SplittableRandom(1);
        Map<Workload.Kind, Integer> counts = new EnumMap<>(Workload.Kind.class);
        IntStream.range(0, count).forEach(i -> counts.merge(workload.next(random).kind(), 1, Integer::sum));
        return counts;
    }

    @Test
    void next_byDefault_isThePromptSamplesTrafficSeventyThirty() {
        Map<Workload.Kind, Integer> counts = kinds(workload, 20_000);

        assertThat(counts.get(Workload.Kind.PREVIEW)).isBetween(13_600, 14_400);
        assertThat(counts.get(Workload.Kind.PROMPT)).isBetween(5_600, 6_400);
        assertThat(counts).doesNotContainKey(Workload.Kind.IMAGE);
    }

    @Test
    void next_withAnImageShare_mixesInThatShareOfImageGenerations() {
        Map<Workload.Kind, Integer> counts = kinds(new Workload(20), 20_000);

        assertThat(counts.get(Workload.Kind.IMAGE)).isBetween(3_700, 4_300);
        assertThat(counts.get(Workload.Kind.PREVIEW)).isBetween(10_800, 11_600);
        assertThat(counts.get(Workload.Kind.PROMPT)).isBetween(4_400, 5_200);
    }

    @Test
    void workload_withAShareAboveAHundred_isRefused() {
        assertThatThrownBy(() -> new Workload(101)).hasMessageContaining("0 to 100");
    }

    @Test
    void next_asksForTheMostPopularStyleMostOften() {
        long first = draw(3, 20_000).stream().filter(r -> r.path().equals("/prompts/neon-noir")).count();
        long last = draw(3, 20_000).stream().filter(r -> r.path().equals("/prompts/art-deco-poster")).count();

        assertThat(first).isGreaterThan(3 * last);
    }

    @Test
    void next_makesRequestsTestAppCanParse() {
        SplittableRandom random = new SplittableRandom(5);
        Workload withImages = new Workload(30);
        assertThat(IntStream.range(0, 500).mapToObj(i -> withImages.next(random)).toList()).allSatisfy(request -> {
            URI uri = URI.create("http://127.0.0.1:1" + request.path());
            assertThat(uri.getPath()).matches("/preview|/images|/prompts/[a-z-]+");
            if (request.kind() == Workload.Kind.PREVIEW) {
                assertThat(uri.getQuery()).contains("image=https://uploads.example.com/photos/user-", "&style=",
                        "&aspect=", "&quality=");
            }
        });
    }
}
