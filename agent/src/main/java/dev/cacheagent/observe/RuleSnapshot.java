package dev.cacheagent.observe;

/**
 * A rule's figures at one moment (cumulative since the rule was bound). Latencies in milliseconds;
 * {@code NaN} where nothing was recorded.
 */
public record RuleSnapshot(String rule, String cache, long hits, long misses, long loads, long loadErrors, long calls,
        double hitP50Ms, double hitP95Ms, double hitP99Ms, double missP50Ms, double missP95Ms, double missP99Ms,
        double meanOriginMs, double savedMs, double savedCost) {

    /** hits / (hits + misses), or 0 when there were none. */
    public double hitRate() {
        long total = hits + misses;
        return total == 0 ? 0 : (double) hits / total;
    }
}
