package com.example.gate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named gates a service passes in the middle of a call. An armed gate holds the next call that passes it until the
 * gate is released (or for at most {@link #MAX_HOLD}, so that a forgotten gate never hangs the service); a gate that
 * is not armed lets every call through at once. Thread-safe.
 */
public final class Gates {
    /** The longest a call is held, whether or not the gate is released. */
    public static final Duration MAX_HOLD = Duration.ofSeconds(60);

    private final Map<String, Gate> armed = new ConcurrentHashMap<>();

    /** What a gate is doing now. */
    public record State(String name, boolean armed, int waiting) {}

    /** One armed gate: it holds the first call that claims it. */
    private static final class Gate {
        final CountDownLatch released = new CountDownLatch(1);
        final AtomicBoolean claimed = new AtomicBoolean();
        final AtomicInteger waiting = new AtomicInteger();
    }

    /** Makes the next call that passes gate {@code name} wait until {@link #release(String)}. */
    public State arm(String name) {
        armed.compute(name, (n, old) -> {
            if (old != null) {
                old.released.countDown();
            }
            return new Gate();
        });
        return state(name);
    }

    /** Lets the held call (if any) go on, and disarms the gate. */
    public State release(String name) {
        Gate gate = armed.remove(name);
        if (gate != null) {
            gate.released.countDown();
        }
        return state(name);
    }

    public State state(String name) {
        Gate gate = armed.get(name);
        return new State(name, gate != null, gate == null ? 0 : gate.waiting.get());
    }

    /** Called by a service: waits here while gate {@code name} is armed for this call. */
    public void pass(String name) {
        Gate gate = armed.get(name);
        if (gate == null || !gate.claimed.compareAndSet(false, true)) {
            return;
        }
        gate.waiting.incrementAndGet();
        try {
            gate.released.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gate.waiting.decrementAndGet();
            armed.remove(name, gate);
        }
    }
}
