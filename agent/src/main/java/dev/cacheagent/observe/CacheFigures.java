package dev.cacheagent.observe;

/**
 * A cache's figures at one moment, summed over the rules that use it (stats are per cache: rules
 * sharing a cache share its entries). Latencies in milliseconds; {@code NaN} where nothing was
 * recorded.
 *
 * @param hits calls answered from the cache (in shadow mode: that would have been)
 * @param misses lookups that did not find the key and called the original method
 * @param loads misses whose original method returned
 * @param loadErrors misses whose original method threw
 * @param evictions entries removed because of size or expiry, as the tier reports them
 * @param size entries held now, as the tier reports them
 * @param savedMs each rule's hits × that rule's mean origin time, summed
 * @param savedCost each rule's hits × its cost per call, summed
 */
public record CacheFigures(String cache, long hits, long misses, long loads, long loadErrors, long evictions,
        long size, double hitP50Ms, double hitP95Ms, double hitP99Ms, double missP50Ms, double missP95Ms,
        double missP99Ms, double savedMs, double savedCost) {

    /** hits / (hits + misses), or 0 when there were none. */
    public double hitRate() {
        long total = hits + misses;
        return total == 0 ? 0 : (double) hits / total;
    }
}
