package dev.cacheagent.observe;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters and latency histograms of one rule: hits, misses, origin calls and their outcomes, and
 * the time and money the cache saved.
 *
 * <p>Recording is thread-safe and wait-free (about 20 ns for {@link #recordHit}: a {@code LongAdder}
 * and an HdrHistogram {@code Recorder}). It allocates nothing once each latency histogram has grown to
 * the longest latency seen: they auto-resize, in nanoseconds with 3 significant digits up to one hour,
 * so memory follows the latencies a rule actually has; the few growths briefly take the histogram's
 * lock. Reading ({@link #snapshot()}) may run concurrently with recording and never blocks it.
 */
public final class RuleMetrics {

    private final String rule;
    private final String cache;
    private final double costPerCall;

    private final LongAdder hits = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder loadErrors = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder callErrors = new LongAdder();
    private final LongAdder originNanos = new LongAdder();

    private final LatencyRecorder hitLatencies = new LatencyRecorder();
    private final LatencyRecorder missLatencies = new LatencyRecorder();
    private final LatencyRecorder callLatencies = new LatencyRecorder();

    /**
     * @param cache the rule's cache, or {@code null} for a rule that does not cache
     * @param costPerCall money one origin call costs, or {@code null}
     */
    public RuleMetrics(String rule, String cache, Double costPerCall) {
        this.rule = rule;
        this.cache = cache;
        this.costPerCall = costPerCall == null ? 0 : costPerCall;
    }

    public String rule() {
        return rule;
    }

    /** The rule's cache, or {@code null} for a rule that does not cache. */
    public String cache() {
        return cache;
    }

    /** A call answered from the cache (in shadow mode: one that would have been), taking {@code nanos}. */
    public void recordHit(long nanos) {
        hits.increment();
        hitLatencies.record(nanos);
    }

    /**
     * A hit whose latency was not measured: counts it without touching the latency histogram, for a
     * caller that times only a sample of its hits to keep the hit path cheap.
     */
    public void countHit() {
        hits.increment();
    }

    /** A miss whose origin call returned; {@code nanos} is the whole call, {@code originNanos} the method's own time. */
    public void recordMiss(long nanos, long originNanos) {
        loads.increment();
        this.originNanos.add(originNanos);
        missLatencies.record(nanos);
    }

    /**
     * A call whose origin threw. On a rule with a cache it counts as a miss whose load failed; on a
     * rule without one, as a failed plain call. It does not feed the mean origin time, which
     * estimates what a hit saves.
     */
    public void recordOriginError(long nanos, long originNanos) {
        if (cache == null) {
            callErrors.increment();
            callLatencies.record(nanos);
        } else {
            loadErrors.increment();
            missLatencies.record(nanos);
        }
    }

    /** A call of a rule without a cache (timing only), or one that bypassed the cache. */
    public void recordCall(long nanos) {
        calls.increment();
        callLatencies.record(nanos);
    }

    /** A figures snapshot; see {@link RuleSnapshot}. */
    public RuleSnapshot snapshot() {
        return read().snapshot();
    }

    /** The snapshot together with the latency distributions it was computed from, for merging and metrics. */
    Reading read() {
        LatencyDistribution hitDistribution = hitLatencies.cumulative();
        LatencyDistribution missDistribution = missLatencies.cumulative();
        LatencyDistribution callDistribution = callLatencies.cumulative();
        long hitCount = hits.sum();
        long loadCount = loads.sum();
        long loadErrorCount = loadErrors.sum();
        long callErrorCount = callErrors.sum();
        double meanOriginMs = loadCount == 0 ? Double.NaN : originNanos.sum() / 1e6 / loadCount;
        RuleSnapshot snapshot = new RuleSnapshot(rule, cache, hitCount, loadCount + loadErrorCount, loadCount,
                loadErrorCount, calls.sum() + callErrorCount,
                hitDistribution.percentileMs(50), hitDistribution.percentileMs(95), hitDistribution.percentileMs(99),
                missDistribution.percentileMs(50), missDistribution.percentileMs(95),
                missDistribution.percentileMs(99), meanOriginMs,
                loadCount == 0 ? 0 : hitCount * meanOriginMs, hitCount * costPerCall,
                callDistribution.percentileMs(50), callDistribution.percentileMs(95),
                callDistribution.percentileMs(99), loadErrorCount + callErrorCount);
        return new Reading(snapshot, hitDistribution, missDistribution, callDistribution);
    }

    /** A consistent read of one rule: its figures and the latency distributions behind them. */
    record Reading(RuleSnapshot snapshot, LatencyDistribution hits, LatencyDistribution misses,
            LatencyDistribution calls) {}
}
