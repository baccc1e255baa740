package dev.cacheagent.cli;

import java.util.Map;

/**
 * One line of an event log as {@code report} reads it: the event's name and its top-level fields
 * that are plain values (text, numbers, booleans); nested objects such as {@code nested} are left out.
 */
record LoggedEvent(String event, Map<String, Object> fields) {

    LoggedEvent {
        fields = Map.copyOf(fields);
    }

    /** A text field, or {@code null} when absent or not text. */
    String text(String name) {
        return fields.get(name) instanceof String s ? s : null;
    }

    /** A numeric field, or {@code null} when absent or not a number. */
    Double number(String name) {
        return fields.get(name) instanceof Number n ? n.doubleValue() : null;
    }
}
