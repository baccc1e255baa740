package dev.cacheagent.cache.redis;

/** A value that could not be written to Redis, or bytes from Redis that are not a value this method returns. */
public final class CodecException extends Exception {
    CodecException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
