package dev.cacheagent.runtime;

import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An event log that keeps what it is given, for tests to read. */
final class RecordingEventLog implements EventLog {
    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(Event event) {
        events.add(event);
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
