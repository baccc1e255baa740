package com.example.app;

import java.util.Arrays;

/** A set of measured call durations and their percentiles, in milliseconds. */
final class Latencies {

    private final long[] sortedNanos;

    Latencies(long[] nanos) {
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    int count() {
        return sortedNanos.length;
    }

    /**
     * The nearest-rank percentile: the smallest duration at least {@code percent}% of the calls did not exceed,
     * in milliseconds rounded to 0.01; 0 when there were no calls.
     */
    double percentileMs(double percent) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        long nanos = sortedNanos[Math.max(0, Math.min(sortedNanos.length, rank) - 1)];
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
