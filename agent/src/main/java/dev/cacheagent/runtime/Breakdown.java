package dev.cacheagent.runtime;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The calls made inside calls of rules with {@code log.breakdown: true}, per thread: while such a call
 * runs it has an open {@link Frame}, and every instrumented call that ends on the same thread, at any
 * depth, is tallied into every open frame. The frame then becomes the event's {@code nested} field.
 */
final class Breakdown {
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /** How a tallied call ended, for the {@code hits} and {@code misses} counts. */
    enum Outcome { HIT, MISS, NEITHER }

    private final ThreadLocal<ArrayDeque<Frame>> openFrames = new ThreadLocal<>();

    Frame open() {
        ArrayDeque<Frame> frames = openFrames.get();
        if (frames == null) {
            frames = new ArrayDeque<>();
            openFrames.set(frames);
        }
        Frame frame = new Frame();
        frames.push(frame);
        return frame;
    }

    /** Closes a frame and returns its tally as the {@code nested} field. */
    Map<String, Object> close(Frame frame) {
        ArrayDeque<Frame> frames = openFrames.get();
        if (frames != null) {
            frames.removeFirstOccurrence(frame);
        }
        return frame.nested();
    }

    /** Tallies a call that ended into every frame open on this thread. */
    void record(String rule, long nanos, Outcome outcome) {
        ArrayDeque<Frame> frames = openFrames.get();
        if (frames == null || frames.isEmpty()) {
            return;
        }
        for (Frame frame : frames) {
            frame.add(rule, nanos, outcome);
        }
    }

    /** The calls made inside one call, per rule in first-call order. Used by one thread only. */
    static final class Frame {
        private final Map<String, Tally> byRule = new LinkedHashMap<>();

        void add(String rule, long nanos, Outcome outcome) {
            Tally tally = byRule.computeIfAbsent(rule, r -> new Tally());
            tally.count++;
            tally.nanos += nanos;
            if (outcome == Outcome.HIT) {
                tally.hits++;
            } else if (outcome == Outcome.MISS) {
                tally.misses++;
            }
        }

        Map<String, Object> nested() {
            Map<String, Object> nested = new LinkedHashMap<>();
            byRule.forEach((rule, tally) -> nested.put(rule, tally.figures()));
            return nested;
        }
    }

    private static final class Tally {
        long count;
        long nanos;
        long hits;
        long misses;

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("count", count);
            figures.put("ms", nanos / NANOS_PER_MILLI);
            figures.put("hits", hits);
            figures.put("misses", misses);
            return figures;
        }
    }
}
