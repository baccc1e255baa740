package dev.cacheagent.config;

import java.time.Duration;
import java.util.List;

/**
 * A cache, declared under {@code caches:} or inline in a rule.
 *
 * @param maxEntries the size bound (local copies for two-level); 0 for tier redis
 * @param jitter share of {@code ttl} by which expiries are spread, 0 to 1
 * @param localTtl two-level only, else {@code null}
 * @param refreshAhead share of {@code ttl}, 0 to 1, or {@code null} when off
 * @param staleIfError {@code null} when off
 * @param allowClasses codec java: class name patterns admitted by the deserialization filter
 */
public record CacheSpec(String name, Tier tier, Duration ttl, long maxEntries, double jitter, Duration localTtl,
        Double refreshAhead, Duration staleIfError, Codec codec, List<String> allowClasses, Position position) {

    public CacheSpec {
        allowClasses = List.copyOf(allowClasses);
    }

    /**
     * Whether {@code other} sets up the same cache: every setting equal, wherever in the file it was
     * written. A reload keeps the entries of such a cache.
     */
    public boolean sameSettings(CacheSpec other) {
        return other != null && at(null).equals(other.at(null));
    }

    private CacheSpec at(Position where) {
        return new CacheSpec(name, tier, ttl, maxEntries, jitter, localTtl, refreshAhead, staleIfError, codec,
                allowClasses, where);
    }

    /** Where entries live. */
    public enum Tier { LOCAL, REDIS, TWO_LEVEL }

    /** How values are written to Redis. */
    public enum Codec { JSON, STRING, JAVA }
}
