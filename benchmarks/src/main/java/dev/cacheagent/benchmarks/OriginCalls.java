package dev.cacheagent.benchmarks;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Checks, before anything is measured, that a method is cached or left alone as the benchmark assumes: a wrong
 * agent jar or a rejected rule file would otherwise measure the bare method and report it as the agent's.
 */
final class OriginCalls {
    private static final int CALLS = 3;

    private OriginCalls() {}

    /** Fails unless three calls ran the origin once (the first call's miss). */
    static void expectCached(String method, LongSupplier originCalls, Supplier<?> call) {
        expect(method, originCalls, call, 1, "is not cached: check the fork's output for config_error or rule_error"
                + " events and that " + BuildPaths.AGENT_JAR + " is a working build of the agent");
    }

    /**
     * Fails unless a call is answered without running the origin within the given time: for tiers that store in
     * the background or only keep local copies once their Redis subscription is up.
     */
    static void expectCachedWithin(Duration within, String method, LongSupplier originCalls, Supplier<?> call) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long before = originCalls.getAsLong();
            call.get();
            if (originCalls.getAsLong() == before) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(method + " is not cached after " + within.toSeconds()
                        + " s: check the fork's output for config_error, rule_error and tier_error events");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + method + " to be cached", e);
            }
        }
    }

    /** Fails unless every one of three calls ran the origin. */
    static void expectUncached(String method, LongSupplier originCalls, Supplier<?> call) {
        expect(method, originCalls, call, CALLS, "is answered from a cache it should not have");
    }

    private static void expect(String method, LongSupplier originCalls, Supplier<?> call, long expected,
            String problem) {
        long before = originCalls.getAsLong();
        for (int i = 0; i < CALLS; i++) {
            call.get();
        }
        long ran = originCalls.getAsLong() - before;
        if (ran != expected) {
            throw new IllegalStateException(method + " " + problem + " (" + CALLS + " calls ran the origin " + ran
                    + " times, expected " + expected + ")");
        }
    }
}
