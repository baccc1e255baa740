package dev.cacheagent.cache.redis;

/**
 * A value read back from Redis with what is known of its entry.
 *
 * @param source how the entry was filled ({@code origin}, {@code put}, …)
 * @param ageMillis how long ago it was stored
 */
public record Decoded(Object value, String source, long ageMillis) {}
