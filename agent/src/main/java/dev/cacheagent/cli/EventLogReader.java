package dev.cacheagent.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads an event log written in the JSON format, one object a line, as a stream: memory stays
 * bounded however long the log. Lines that are not JSON events (the text format, a stack trace the
 * application printed to the same stream, a truncated last line) are skipped and counted.
 */
final class EventLogReader {
    private final JsonFactory json = new JsonFactory();

    /** How much of a log was read. */
    record Counts(long events, long skippedLines) {}

    Counts read(BufferedReader lines, Consumer<LoggedEvent> events) throws IOException {
        long read = 0;
        long skipped = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            LoggedEvent event = parse(line);
            if (event == null) {
                skipped++;
            } else {
                read++;
                events.accept(event);
            }
        }
        return new Counts(read, skipped);
    }

    /** The event on this line, or {@code null} when the line is not one JSON object with an {@code event} name. */
    LoggedEvent parse(String line) {
        if (!line.stripLeading().startsWith("{")) {
            return null;
        }
        try (JsonParser parser = json.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, Object> fields = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (value) {
                    case VALUE_STRING -> fields.put(name, parser.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> fields.put(name, parser.getNumberValue());
                    case VALUE_TRUE, VALUE_FALSE -> fields.put(name, parser.getBooleanValue());
                    case START_OBJECT, START_ARRAY -> parser.skipChildren();
                    default -> {
                        // null: the same as an absent field
                    }
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            return fields.get("event") instanceof String name ? new LoggedEvent(name, fields) : null;
        } catch (IOException malformed) {
            return null;
        }
    }
}
