package dev.cacheagent.observe;

/**
 * A rule's figures at one moment (cumulative since the rule was bound). Latencies in milliseconds;
 * {@code NaN} where nothing was recorded.
 *
 * @param hits calls answered from the cache (in shadow mode: that would have been)
 * @param misses calls that looked the key up, did not find it and called the original method,
 *     whether it returned ({@code loads}) or threw ({@code loadErrors})
 * @param loads misses whose original method returned
 * @param loadErrors misses whose original method threw
 * @param calls calls that went straight to the original method: a rule without a cache, or a call
 *     that bypassed it
 * @param meanOriginMs the original method's mean own time over {@code loads}
 * @param savedMs {@code hits × meanOriginMs}
 * @param savedCost {@code hits × costPerCall} (0 without a cost)
 * @param callP50Ms latency percentiles of {@code calls}
 * @param fetchErrors every call whose original method threw: {@code loadErrors} plus failed plain calls
 */
public record RuleSnapshot(String rule, String cache, long hits, long misses, long loads, long loadErrors, long calls,
        double hitP50Ms, double hitP95Ms, double hitP99Ms, double missP50Ms, double missP95Ms, double missP99Ms,
        double meanOriginMs, double savedMs, double savedCost, double callP50Ms, double callP95Ms, double callP99Ms,
        long fetchErrors) {

    /** hits / (hits + misses), or 0 when there were none. */
    public double hitRate() {
        long total = hits + misses;
        return total == 0 ? 0 : (double) hits / total;
    }
}
