package dev.cacheagent.cache;

/**
 * A monotonic clock in nanoseconds, for entry ages, expiries and call durations. Tests pass a fake
 * one so that time moves only when they say so.
 */
@FunctionalInterface
public interface Clock {

    /** Nanoseconds from an arbitrary origin; only differences are meaningful. */
    long nanoTime();

    /** The JVM's monotonic clock ({@link System#nanoTime()}). */
    static Clock system() {
        return System::nanoTime;
    }
}
