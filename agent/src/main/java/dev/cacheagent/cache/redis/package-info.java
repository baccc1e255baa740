/**
 * Redis for the shared cache tiers: the connection (standalone, Cluster or Sentinel, made in the
 * background), every call bounded by {@code redis.timeout} behind a circuit breaker, the health events,
 * the invalidation channel every instance listens on, and the codecs that turn values into bytes and
 * back.
 *
 * <p>Knows nothing of cache entries, loads or rules: {@code dev.cacheagent.cache} builds the tiers on
 * top of it.
 */
package dev.cacheagent.cache.redis;
