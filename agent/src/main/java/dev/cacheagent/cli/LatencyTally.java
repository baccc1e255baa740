package dev.cacheagent.cli;

import dev.cacheagent.cli.Report.Latencies;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Collects the durations of one series (a rule's hits, or its misses) in an HdrHistogram: bounded
 * memory for any number of calls, percentiles to three significant digits.
 */
final class LatencyTally {
    /** Microseconds: events carry durations with three decimals of a millisecond. */
    private static final double UNITS_PER_MS = 1000;
    private static final double[] CURVE_PERCENTILES = curvePercentiles();

    private final Histogram histogram = new Histogram(3);

    void record(double ms) {
        histogram.recordValue(Math.max(0, Math.round(ms * UNITS_PER_MS)));
    }

    /** The distribution, or {@code null} when nothing was recorded. */
    Latencies latencies() {
        if (histogram.getTotalCount() == 0) {
            return null;
        }
        List<Latencies.Point> curve = new ArrayList<>();
        for (double percentile : CURVE_PERCENTILES) {
            curve.add(new Latencies.Point(percentile, at(percentile)));
        }
        return new Latencies(histogram.getTotalCount(), at(50), at(95), at(99), at(100), curve);
    }

    /**
     * The middle of the histogram bucket that holds the percentile: within half a bucket (0.05%) of
     * every value in it, and exact below about 2 ms.
     */
    private double at(double percentile) {
        return histogram.medianEquivalentValue(histogram.getValueAtPercentile(percentile)) / UNITS_PER_MS;
    }

    private static double[] curvePercentiles() {
        double[] percentiles = new double[103];
        for (int i = 0; i < 100; i++) {
            percentiles[i] = i;
        }
        percentiles[100] = 99.5;
        percentiles[101] = 99.9;
        percentiles[102] = 100;
        return percentiles;
    }
}
