package dev.cacheagent.observe;

/**
 * Counters and latency histograms of one rule: hits, misses, origin calls and their outcomes, and
 * the time and money the cache saved. Recording is thread-safe, lock-free and allocation-free.
 */
public final class RuleMetrics {

    /**
     * @param cache the rule's cache, or {@code null} for a rule that does not cache
     * @param costPerCall money one origin call costs, or {@code null}
     */
    public RuleMetrics(String rule, String cache, Double costPerCall) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A call answered from the cache (in shadow mode: one that would have been), taking {@code nanos}. */
    public void recordHit(long nanos) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A miss whose origin call returned; {@code nanos} is the whole call, {@code originNanos} the method's own time. */
    public void recordMiss(long nanos, long originNanos) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A call whose origin threw. */
    public void recordOriginError(long nanos, long originNanos) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A call of a rule without a cache (timing only), or one that bypassed the cache. */
    public void recordCall(long nanos) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A figures snapshot; see {@link RuleSnapshot}. */
    public RuleSnapshot snapshot() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
