package dev.cacheagent.observe;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One latency histogram of a rule, recorded on the application's threads and read by the stats and
 * metrics readers.
 *
 * <p>Writers go through an HdrHistogram {@link Recorder}: wait-free, and allocation-free once the
 * histogram has grown to the longest latency seen so far (it auto-resizes, in nanoseconds with 3
 * significant digits, so sub-microsecond cache hits keep their precision and memory follows the
 * latencies actually seen). Latencies are clamped to one hour so a stray value cannot grow it further.
 * Readers fold the recorder's interval histograms into a running total under this object's lock,
 * never on the writer path.
 */
final class LatencyRecorder {

    static final long MAX_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
    private Histogram recycled;

    void record(long nanos) {
        recorder.recordValue(nanos < 0 ? 0 : Math.min(nanos, MAX_NANOS));
    }

    /** Everything recorded since creation, as a copy the caller owns. */
    synchronized LatencyDistribution cumulative() {
        recycled = recorder.getIntervalHistogram(recycled);
        total.add(recycled);
        return new LatencyDistribution(total.copy());
    }
}
