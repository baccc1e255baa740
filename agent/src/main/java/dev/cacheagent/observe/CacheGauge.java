package dev.cacheagent.observe;

/** What a cache tier reports about itself for the {@code stats} events and metrics. */
public interface CacheGauge {

    String cacheName();

    /** Entries held now (an estimate for tiers that cannot count cheaply). */
    long size();

    /** Entries removed so far because of size or expiry. */
    long evictions();
}
