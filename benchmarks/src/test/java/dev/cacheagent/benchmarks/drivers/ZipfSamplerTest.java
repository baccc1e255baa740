package dev.cacheagent.benchmarks.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfSamplerTest {
    private static int[] counts(ZipfSampler sampler, int n, int draws) {
        SplittableRandom random = new SplittableRandom(7);
        int[] counts = new int[n];
        for (int i = 0; i < draws; i++) {
            counts[sampler.next(random)]++;
        }
        return counts;
    }

    @Test
    void next_drawsEveryRankWithinRange() {
        int[] counts = counts(new ZipfSampler(5, 1.1), 5, 10_000);

        assertThat(java.util.Arrays.stream(counts).boxed()).allSatisfy(count -> assertThat(count).isPositive());
    }

    @Test
    void next_drawsTheFirstRanksMostOften() {
        int[] counts = counts(new ZipfSampler(10, 1.1), 10, 100_000);

        assertThat(counts[0]).isGreaterThan(counts[1]);
        assertThat(counts[1]).isGreaterThan(counts[2]);
        assertThat(counts[2]).isGreaterThan(counts[9]);
    }

    @Test
    void next_withExponentOne_drawsRankOneHalfAsOftenAsRankZero() {
        int[] counts = counts(new ZipfSampler(4, 1.0), 4, 200_000);

        assertThat((double) counts[1] / counts[0]).isCloseTo(0.5, offset(0.02));
    }

    @Test
    void next_withExponentZero_isUniform() {
        int[] counts = counts(new ZipfSampler(4, 0), 4, 200_000);

        assertThat(java.util.Arrays.stream(counts).boxed())
                .allSatisfy(count -> assertThat(count).isBetween(48_000, 52_000));
    }

    @Test
    void constructor_withoutItems_saysWhatItNeeds() {
        assertThatThrownBy(() -> new ZipfSampler(0, 1.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one item");
    }
}
