package dev.cacheagent.cache;

import java.time.Duration;

/** A clock that moves only when a test says so. Shared with the runtime tests. */
public final class FakeClock implements Clock {
    private volatile long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return now;
    }

    public void advance(Duration by) {
        now += by.toNanos();
    }
}
