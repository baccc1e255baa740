package dev.cacheagent.benchmarks.drivers;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void next_mixesPreviewsPromptsAndImagesSixtyTwentyFiveFifteen() {
        Map<Workload.Kind, Integer> counts = new EnumMap<>(Workload.Kind.class);
        draw(1, 20_000).forEach(request -> counts.merge(request.kind(), 1, Integer::sum));

        assertThat(counts.get(Workload.Kind.PREVIEW)).isBetween(11_600, 12_400);
        assertThat(counts.get(Workload.Kind.PROMPT)).isBetween(4_700, 5_300);
        assertThat(counts.get(Workload.Kind.IMAGE)).isBetween(2_700, 3_300);
    }

    @Test
    void next_asksForTheMostPopularStyleMostOften() {
        long first = draw(3, 20_000).stream().filter(r -> r.path().equals("/prompts/neon-noir")).count();
        long last = draw(3, 20_000).stream().filter(r -> r.path().equals("/prompts/art-deco-poster")).count();

        assertThat(first).isGreaterThan(3 * last);
    }

    @Test
    void next_makesRequestsTestAppCanParse() {
        assertThat(draw(5, 500)).allSatisfy(request -> {
            URI uri = URI.create("http://127.0.0.1:1" + request.path());
            assertThat(uri.getPath()).matches("/preview|/images|/prompts/[a-z-]+");
            if (request.kind() == Workload.Kind.PREVIEW) {
                assertThat(uri.getQuery()).contains("image=https://uploads.example.com/photos/user-", "&style=",
                        "&aspect=", "&quality=");
            }
        });
    }
}
