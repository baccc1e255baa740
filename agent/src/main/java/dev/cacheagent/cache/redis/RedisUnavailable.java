package dev.cacheagent.cache.redis;

/**
 * A Redis call that did not happen or did not complete: the circuit is open, the connection is not made
 * yet, or the call failed or timed out (already reported as a {@code tier_error}). The caller treats it
 * as a miss, or drops its write.
 */
public final class RedisUnavailable extends Exception {
    RedisUnavailable(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
