package dev.cacheagent.observe;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution read at one moment: percentiles, counts per bucket bound, and merging of
 * the distributions of several rules that share a cache. Values are nanoseconds.
 *
 * <p>Wraps a histogram copy that nothing else references and that is never modified after
 * construction, so instances can be shared freely.
 */
final class LatencyDistribution {

    private final Histogram histogram;

    LatencyDistribution(Histogram histogram) {
        this.histogram = histogram;
    }

    static LatencyDistribution merge(List<LatencyDistribution> parts) {
        Histogram merged = new Histogram(3);
        for (LatencyDistribution part : parts) {
            merged.add(part.histogram);
        }
        return new LatencyDistribution(merged);
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The latency at this percentile (0 to 100) in milliseconds, or {@code NaN} when empty. */
    double percentileMs(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    /**
     * Sum of all latencies in seconds, to the histogram's precision (0.1%): derived from it rather than
     * kept exactly, which would cost every recording one more contended add.
     */
    double sumSeconds() {
        return count() == 0 ? 0 : histogram.getMean() * count() / 1e9;
    }

    /** How many latencies were at most {@code nanos} (to the histogram's precision). */
    long countAtOrBelow(long nanos) {
        if (count() == 0 || nanos >= histogram.getMaxValue()) {
            return count();
        }
        return histogram.getCountBetweenValues(0, nanos);
    }
}
