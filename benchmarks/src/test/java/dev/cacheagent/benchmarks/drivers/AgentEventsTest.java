package dev.cacheagent.benchmarks.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentEventsTest {
    private static final Instant FROM = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant TO = Instant.parse("2025-01-01T10:01:00Z");

    private static String event(String ts, String event, String rule, double durationMs) {
        return "{\"ts\":\"" + ts + "\",\"event\":\"" + event + "\",\"channel\":\"prompt-cache\",\"rule\":\"" + rule
                + "\",\"key\":\"neon-noir\",\"durationMs\":" + durationMs + "}";
    }

    @Test
    void read_groupsDurationsByRuleAndEvent(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("stderr.log"), List.of(
                event("2025-01-01T10:00:01.000Z", "hit", "style-prompt", 0.004),
                event("2025-01-01T10:00:02.000Z", "hit", "style-prompt", 0.006),
                event("2025-01-01T10:00:03.000Z", "miss", "style-prompt", 81.5)));

        var durations = AgentEvents.read(log, FROM, TO).durations();

        assertThat(durations).containsOnlyKeys("style-prompt hit", "style-prompt miss");
        assertThat(durations.get("style-prompt hit").count()).isEqualTo(2);
        assertThat(durations.get("style-prompt miss").median()).isEqualTo(81.5);
    }

    @Test
    void read_leavesOutEventsOutsideTheWindow(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("stderr.log"), List.of(
                event("2025-01-01T09:59:59.999Z", "hit", "style-prompt", 1),
                event("2025-01-01T10:00:30.000Z", "hit", "style-prompt", 2),
                event("2025-01-01T10:01:00.001Z", "hit", "style-prompt", 3)));

        assertThat(AgentEvents.read(log, FROM, TO).durations().get("style-prompt hit").count()).isEqualTo(1);
    }

    @Test
    void read_skipsLinesThatAreNotTimedEvents(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("stderr.log"), List.of(
                "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes",
                "{not json",
                "{\"ts\":\"2025-01-01T10:00:01.000Z\",\"event\":\"config_loaded\",\"rules\":5}",
                event("2025-01-01T10:00:01.000Z", "hit", "style-prompt", 0.004)));

        assertThat(AgentEvents.read(log, FROM, TO).durations()).containsOnlyKeys("style-prompt hit");
    }
}
