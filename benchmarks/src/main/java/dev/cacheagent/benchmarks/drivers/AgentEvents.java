package dev.cacheagent.benchmarks.drivers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The agent's per-call events (JSON lines on test-app's standard error) within a time window: how long calls took
 * inside the application, as the agent timed them. Lines that are not JSON events are skipped.
 */
final class AgentEvents {
    private final Map<String, List<Double>> durationsByRuleAndEvent = new TreeMap<>();

    private AgentEvents() {}

    static AgentEvents read(Path log, Instant from, Instant to) throws IOException {
        ObjectMapper json = new ObjectMapper();
        AgentEvents events = new AgentEvents();
        try (Stream<String> lines = Files.lines(log)) {
            lines.filter(line -> line.startsWith("{")).forEach(line -> events.add(json, line, from, to));
        }
        return events;
    }

    private void add(ObjectMapper json, String line, Instant from, Instant to) {
        try {
            JsonNode event = json.readTree(line);
            if (!event.hasNonNull("durationMs") || !event.hasNonNull("rule") || !event.hasNonNull("ts")) {
                return;
            }
            Instant at = Instant.parse(event.get("ts").asText());
            if (at.isBefore(from) || at.isAfter(to)) {
                return;
            }
            durationsByRuleAndEvent
                    .computeIfAbsent(event.get("rule").asText() + " " + event.path("event").asText(),
                            k -> new ArrayList<>())
                    .add(event.get("durationMs").asDouble());
        } catch (JsonProcessingException | DateTimeParseException e) {
            // not an event line (a JVM warning, a stack trace of the application): not ours to measure
        }
    }

    /** Call durations in milliseconds, keyed by {@code "<rule> <event>"}, e.g. {@code "style-prompt hit"}. */
    Map<String, Distribution> durations() {
        Map<String, Distribution> durations = new TreeMap<>();
        durationsByRuleAndEvent.forEach((key, values) -> durations.put(key, Distribution.of(values)));
        return durations;
    }
}
