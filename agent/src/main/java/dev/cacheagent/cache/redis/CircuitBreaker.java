package dev.cacheagent.cache.redis;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Skips Redis after {@code failures} consecutive failed calls, for {@code openFor}; then lets one call
 * through as a probe: its success closes the breaker, its failure opens it again. Thread-safe.
 */
final class CircuitBreaker {

    /** What a recorded outcome changed, so that the caller can report it. */
    enum Change { NONE, OPENED, CLOSED }

    private final int failures;
    private final long openForNanos;
    private final LongSupplier clock;
    private int consecutiveFailures;
    private boolean open;
    private long retryAt;
    private boolean probing;

    CircuitBreaker(int failures, Duration openFor, LongSupplier clock) {
        this.failures = failures;
        this.openForNanos = openFor.toNanos();
        this.clock = clock;
    }

    /** Whether a call may go to Redis now. While open, one caller per {@code openFor} is let through as the probe. */
    synchronized boolean allows() {
        if (!open) {
            return true;
        }
        if (!probing && clock.getAsLong() - retryAt >= 0) {
            probing = true;
            return true;
        }
        return false;
    }

    synchronized Change succeeded() {
        consecutiveFailures = 0;
        probing = false;
        if (open) {
            open = false;
            return Change.CLOSED;
        }
        return Change.NONE;
    }

    synchronized Change failed() {
        consecutiveFailures++;
        if (open) {
            probing = false;
            retryAt = clock.getAsLong() + openForNanos;
            return Change.NONE;
        }
        if (consecutiveFailures >= failures) {
            open = true;
            retryAt = clock.getAsLong() + openForNanos;
            return Change.OPENED;
        }
        return Change.NONE;
    }

    synchronized boolean isOpen() {
        return open;
    }
}
