package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events in text format to a file sink: the application's own streams stay clean. */
class EventSinkIT {
    @TempDir
    Path dir;

    @Test
    void textEvents_goToTheConfiguredFile_andNotToTheAppsStreams() throws Exception {
        Path log = dir.resolve("logs/cache-events.log");
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                agent:
                  log: { sink: "file:%s", format: text }
                rules:
                  - name: prompt
                    match: { type: com.example.preview.StylePromptService, method: getStylePrompt }
                    cache: { ttl: 1m, maxEntries: 100, key: "#styleName.trim().toLowerCase()" }
                    log: { channel: prompt-cache, events: [hit, miss] }
                """.formatted(log));
        ServedApp app = ServedApp.start(ChildJvm.java().agent(rules));
        app.get("/prompts/neon-noir");
        app.get("/prompts/Neon-Noir");
        app.shutdown();

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).as(app.jvm().transcript())
                .anyMatch(l -> l.contains("[prompt-cache] miss rule=prompt") && l.contains("key=neon-noir"))
                .anyMatch(l -> l.contains("[prompt-cache] hit rule=prompt") && l.contains("key=neon-noir")
                        && l.contains("source=origin"))
                .anyMatch(l -> l.contains(" config_loaded "));
        assertThat(app.jvm().stderr()).noneMatch(l -> l.contains("prompt-cache"));
        assertThat(app.jvm().stdout()).noneMatch(l -> l.contains("prompt-cache"));
    }
}
