package dev.cacheagent.cache.redis;

/**
 * How one method's values are written to Redis and read back (SPEC §5): {@code json}, {@code string}
 * or {@code java}. Decoding never runs code of a class the method did not declare or the rule file did
 * not allow, and never throws anything but {@link CodecException}. Made by {@link Codecs}.
 */
public sealed interface ValueCodec permits JsonCodec, StringCodec, JavaCodec {

    /** The largest value read back, in bytes; a larger one is a miss and a {@code tier_error}. */
    long MAX_VALUE_BYTES = 16L * 1024 * 1024;

    /**
     * @param source the entry's source, e.g. {@code origin}
     * @param storedAtMillis wall-clock time of the store, epoch milliseconds
     */
    byte[] encode(Object value, String source, long storedAtMillis) throws CodecException;

    /**
     * @param ttlLeftMillis the key's remaining time to live in Redis
     * @param ttlMillis how long the cache keeps a value in Redis: its {@code ttl}, plus its {@code staleIfError}
     * @param nowMillis wall-clock time now, epoch milliseconds
     */
    Decoded decode(byte[] bytes, long ttlLeftMillis, long ttlMillis, long nowMillis) throws CodecException;

    /** The age of an entry from a wall-clock store time, never negative nor older than the ttl (clock skew). */
    static long age(long storedAtMillis, long nowMillis, long ttlMillis) {
        return Math.max(0, Math.min(ttlMillis, nowMillis - storedAtMillis));
    }
}
