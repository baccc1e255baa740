package dev.cacheagent.runtime;

import dev.cacheagent.cache.CacheEntry;
import dev.cacheagent.cache.Flight;

/**
 * One call of an instrumented method that runs the original method: what {@link Site#enter} decided,
 * handed back to {@link Site#exit} by the rewritten method. Used by the calling thread only.
 */
final class CallContext {

    /** What the call does about the cache. */
    enum Path {
        /** No caching rule applies (timing, events, evictions and puts only). */
        PLAIN,
        /** The rule's condition was false or the key was null: the cache is not used. */
        SKIP,
        /** An expression failed or the cached value did not fit: the cache is not used, a rule_error was written. */
        BYPASS,
        /** Nothing was cached: the method runs, and its value is stored if this call leads the load. */
        MISS,
        /** Shadow mode found a value: the method runs anyway and its value is compared with the cached one. */
        SHADOW,
        /** The agent's own call for a warm-up or refresh, on a {@link LoaderThread}: it leads the key's load. */
        BACKGROUND
    }

    final Site site;
    final Path path;
    final long start;
    final Object receiver;
    final Object[] args;
    final Object key;
    /** For {@link Path#SKIP}: {@code condition} or {@code null-key}. */
    final String skipReason;
    /** For {@link Path#SHADOW}: the entry that would have been served. */
    final CacheEntry shadowed;
    /** For {@link Path#SHADOW}: what serving it would have cost. */
    final long lookupNanos;

    /** The load this call leads, until the call hands it its value or failure. */
    Flight lead;
    /** For {@link Path#MISS}: an expired entry of the key, served if the method fails ({@code staleIfError}). */
    CacheEntry stale;
    /** The expired entry served in place of the method's exception, once decided. */
    CacheEntry servedStale;
    /** For {@link Path#BACKGROUND}: the load this call is. */
    BackgroundLoad background;
    long originStart;
    Breakdown.Frame frame;

    CallContext(Site site, Path path, long start, Object receiver, Object[] args, Object key, String skipReason,
            CacheEntry shadowed, long lookupNanos) {
        this.site = site;
        this.path = path;
        this.start = start;
        this.receiver = receiver;
        this.args = args;
        this.key = key;
        this.skipReason = skipReason;
        this.shadowed = shadowed;
        this.lookupNanos = lookupNanos;
    }
}
