package dev.cacheagent.cli;

import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;

/** The event log of a dry run: binding may report, but nothing runs, so there is nothing to keep. */
final class DiscardedEvents implements EventLog {
    @Override
    public void emit(Event event) {
        // A dry run reports through its own output, not through events.
    }

    @Override
    public void close() {}
}
