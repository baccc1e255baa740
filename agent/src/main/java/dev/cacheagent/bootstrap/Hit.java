package dev.cacheagent.bootstrap;

/**
 * A value found in a cache. Returned from {@link Dispatcher#enter} it makes the instrumented method
 * skip its body and return {@link #value()}. The agent's cache entries extend this class, so a hit
 * allocates nothing to say so.
 */
public class Hit {
    private final Object value;

    public Hit(Object value) {
        this.value = value;
    }

    /** The value to return to the caller; boxed for primitive return types. */
    public final Object value() {
        return value;
    }
}
