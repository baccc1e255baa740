package dev.cacheagent.runtime;

import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** An event log that keeps what it is given, for tests to read. */
final class RecordingEventLog implements EventLog {
    private static final long WAIT_SECONDS = 10;

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(Event event) {
        events.add(event);
        synchronized (events) {
            events.notifyAll();
        }
    }

    /**
     * Waits until at least {@code count} events of that name were written (by background threads), at
     * most {@value #WAIT_SECONDS} seconds; fails with what was written otherwise.
     */
    List<Event> await(String name, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        synchronized (events) {
            while (named(name).size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " '" + name + "' event(s) within " + WAIT_SECONDS
                            + " s, got " + named(name).size() + ": " + events);
                }
                TimeUnit.NANOSECONDS.timedWait(events, left);
            }
        }
        return named(name);
    }

    @Override
    public void close() {}

    List<Event> all() {
        return List.copyOf(events);
    }

    List<Event> named(String name) {
        return events.stream().filter(e -> e.event().equals(name)).toList();
    }

    /** The one event of that name; fails when there is not exactly one. */
    Event only(String name) {
        List<Event> found = named(name);
        if (found.size() != 1) {
            throw new AssertionError("expected one '" + name + "' event, got " + found.size() + ": " + events);
        }
        return found.get(0);
    }

    List<String> names() {
        return events.stream().map(Event::event).toList();
    }

    void clear() {
        events.clear();
    }
}
