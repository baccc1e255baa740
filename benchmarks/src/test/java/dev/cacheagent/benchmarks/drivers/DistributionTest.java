package dev.cacheagent.benchmarks.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {
    @Test
    void median_ofAnOddCount_isTheMiddleValue() {
        assertThat(Distribution.of(List.of(9, 1, 5)).median()).isEqualTo(5);
    }

    @Test
    void median_ofAnEvenCount_isTheMeanOfTheTwoMiddleValues() {
        assertThat(Distribution.of(List.of(4, 1, 3, 2)).median()).isEqualTo(2.5);
    }

    @Test
    void percentile_isTheNearestRank() {
        Distribution hundred = Distribution.of(java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList());

        assertThat(hundred.percentile(50)).isEqualTo(50);
        assertThat(hundred.percentile(95)).isEqualTo(95);
        assertThat(hundred.percentile(99)).isEqualTo(99);
        assertThat(hundred.percentile(100)).isEqualTo(100);
    }

    @Test
    void minAndMax_areTheExtremes() {
        Distribution values = Distribution.of(List.of(3.5, -1.0, 8.25));

        assertThat(values.min()).isEqualTo(-1.0);
        assertThat(values.max()).isEqualTo(8.25);
    }

    @Test
    void median_ofNoMeasurements_pointsAtTheFailedRuns() {
        assertThatThrownBy(() -> Distribution.of(List.of()).median())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("every run of this variant failed");
    }

    @Test
    void constructor_doesNotSortTheCallersArray() {
        double[] values = {3, 1, 2};

        new Distribution(values);

        assertThat(values).containsExactly(3, 1, 2);
    }
}
