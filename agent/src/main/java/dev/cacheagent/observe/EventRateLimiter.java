package dev.cacheagent.observe;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets at most one event per key through per interval (one second by default), e.g. {@code tier_error}
 * per cache or {@code rule_error} per rule and method, so a failing Redis or a throwing expression
 * cannot flood the log. Occurrences held back are counted and reported by the next event let through.
 *
 * <pre>{@code
 * long count = limiter.admit(cacheName);
 * if (count > 0) {
 *     events.emit(Event.builder("tier_error").cache(cacheName).error(e).attribute("count", count).build());
 * }
 * }</pre>
 *
 * <p>Lock-free and safe to call on the application's threads. Keys are kept for the limiter's life:
 * use a small, bounded set of keys (caches, rules, methods), never keys or argument values.
 */
public final class EventRateLimiter {

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<Object, Window> windows = new ConcurrentHashMap<>();

    /** One event per key per second, timed by {@code nanoClock} (e.g. {@code System::nanoTime}). */
    public EventRateLimiter(LongSupplier nanoClock) {
        this(Duration.ofSeconds(1), nanoClock);
    }

    public EventRateLimiter(Duration interval, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Records one occurrence under {@code key}.
     *
     * @return 0 when the event must be held back; otherwise how many occurrences the event stands for:
     *     this one plus those held back since the last event of this key (its {@code count})
     */
    public long admit(Object key) {
        long now = nanoClock.getAsLong();
        Window window = windows.get(key);
        if (window == null) {
            window = windows.computeIfAbsent(key, k -> new Window(now));
        }
        long opensAt = window.opensAt.get();
        if (now - opensAt >= 0 && window.opensAt.compareAndSet(opensAt, now + intervalNanos)) {
            return 1 + window.heldBack.getAndSet(0);
        }
        window.heldBack.incrementAndGet();
        return 0;
    }

    /** When the next event of a key may pass, and how many were held back meanwhile. */
    private static final class Window {
        final AtomicLong opensAt;
        final AtomicLong heldBack = new AtomicLong();

        Window(long now) {
            opensAt = new AtomicLong(now);
        }
    }
}
