package dev.cacheagent.observe;

/** A cache tier that reports fixed figures. */
record FixedGauge(String cacheName, long size, long evictions) implements CacheGauge {}
