package dev.cacheagent.runtime;

/**
 * At most one report a second for one source of errors; the reports in between are counted and the
 * next report stands for all of them. Small on purpose: observe's EventRateLimiter can replace it.
 */
final class RateLimit {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private boolean started;
    private long nextAllowed;
    private long suppressed;

    /**
     * @return how many occurrences the report made now stands for (at least 1), or 0 when this
     *     occurrence must not be reported
     */
    synchronized long acquire(long now) {
        if (started && now - nextAllowed < 0) {
            suppressed++;
            return 0;
        }
        started = true;
        nextAllowed = now + WINDOW_NANOS;
        long count = suppressed + 1;
        suppressed = 0;
        return count;
    }
}
