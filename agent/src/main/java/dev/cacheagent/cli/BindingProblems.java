package dev.cacheagent.cli;

import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import java.util.ArrayList;
import java.util.List;

/**
 * The event log of a dry run. Nothing runs, so nothing is written; but binding a method may report a
 * problem that leaves the method instrumented (a {@code warmup} argument list that cannot fit its
 * parameters) as a {@code rule_error}: those are kept for the report.
 */
final class BindingProblems implements EventLog {
    private final List<Event> ruleErrors = new ArrayList<>();

    @Override
    public synchronized void emit(Event event) {
        if (event.event().equals("rule_error")) {
            ruleErrors.add(event);
        }
    }

    /** The {@code rule_error} events binding reported, in order. */
    synchronized List<Event> ruleErrors() {
        return List.copyOf(ruleErrors);
    }

    @Override
    public void close() {}
}
