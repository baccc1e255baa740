package dev.cacheagent.benchmarks.drivers;

import java.util.Arrays;
import java.util.Collection;

/** A set of measurements, sorted, with the figures the reports quote (nearest-rank percentiles). */
record Distribution(double[] sorted) {
    Distribution {
        sorted = sorted.clone();
        Arrays.sort(sorted);
    }

    static Distribution of(Collection<? extends Number> values) {
        return new Distribution(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    int count() {
        return sorted.length;
    }

    /** The median: the mean of the two middle values for an even count. */
    double median() {
        requireValues();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The smallest value at least {@code percent}% of the values are less than or equal to. */
    double percentile(double percent) {
        requireValues();
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    double min() {
        requireValues();
        return sorted[0];
    }

    double max() {
        requireValues();
        return sorted[sorted.length - 1];
    }

    private void requireValues() {
        if (sorted.length == 0) {
            throw new IllegalStateException("no measurements: every run of this variant failed (see its log)");
        }
    }
}
