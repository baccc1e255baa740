package dev.cacheagent.observe;

import java.util.Map;

/** What a cache tier reports about itself for the {@code stats} events and metrics. */
public interface CacheGauge {

    String cacheName();

    /** Entries held now (an estimate for tiers that cannot count cheaply). */
    long size();

    /** Entries removed so far because of size or expiry. */
    long evictions();

    /**
     * {@link #evictions()} by cause, for the {@code cause} label of {@code cacheagent_evictions_total}
     * (e.g. {@code size}, {@code expired}). A tier that cannot tell them apart reports them all as
     * {@code size_or_expiry}, the default.
     */
    default Map<String, Long> evictionsByCause() {
        return Map.of("size_or_expiry", evictions());
    }

    /**
     * Failed calls to a shared tier (Redis) and values that could not be decoded, for
     * {@code cacheagent_tier_errors_total}; always 0 for the local tier.
     */
    default long tierErrors() {
        return 0;
    }
}
