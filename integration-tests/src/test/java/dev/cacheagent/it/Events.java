package dev.cacheagent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The agent's JSON event lines from a child JVM's output. */
final class Events {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> events;

    private Events(List<JsonNode> events) {
        this.events = events;
    }

    static Events from(List<String> lines) {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{\"ts\"")) {
                try {
                    parsed.add(JSON.readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("an event line that is not JSON: " + line, e);
                }
            }
        }
        return new Events(parsed);
    }

    List<JsonNode> all() {
        return events;
    }

    List<JsonNode> named(String event) {
        return where(e -> event.equals(e.path("event").asText()));
    }

    List<JsonNode> named(String event, String channel) {
        return where(e -> event.equals(e.path("event").asText()) && channel.equals(e.path("channel").asText()));
    }

    List<JsonNode> where(Predicate<JsonNode> condition) {
        return events.stream().filter(condition).toList();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
