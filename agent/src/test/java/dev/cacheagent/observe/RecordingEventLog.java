package dev.cacheagent.observe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An event log that keeps what it is given, for assertions. */
final class RecordingEventLog implements EventLog {

    final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(Event event) {
        events.add(event);
    }

    @Override
    public void close() {}
}
