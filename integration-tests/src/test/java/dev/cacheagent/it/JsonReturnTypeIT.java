package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that stores a method's values in Redis as JSON, on a method whose declared return type the agent's Jackson
 * cannot rebuild: {@code SceneService#summarize} returns {@code ProjectSummary}, an immutable class whose only
 * constructor carries the application's {@code @JsonCreator}, which the agent's relocated Jackson does not read.
 * The Redis on 127.0.0.1:6379.
 */
class JsonReturnTypeIT {
    private static final String SUMMARY = "/projects/p1/summary";

    @TempDir
    Path dir;

    private ServedApp start(String codec, String prefix) throws Exception {
        Path rules = dir.resolve("summaries-" + codec + ".yaml");
        Files.writeString(rules, """
                version: 1
                redis: { url: "redis://127.0.0.1:6379", keyPrefix: "%s", timeout: 500ms }
                caches:
                  summaries: { tier: redis, ttl: 10m, codec: %s }
                rules:
                  - name: project-summary
                    match: { type: com.example.scenes.SceneService, method: summarize }
                    cache: { use: summaries }
                    log: {}
                """.formatted(prefix, codec));
        return ServedApp.start(ChildJvm.java().agent(rules));
    }

    @Test
    void jsonCodecOnATypeItCannotRebuild_isOneRuleErrorAtClassLoad_andTheMethodRunsUncached() throws Exception {
        String prefix = SharedRedis.newPrefix();
        try (ServedApp app = start("json", prefix)) {
            // SceneService loads while the app starts: the error is there before any request.
            String line = app.jvm().awaitStderr(l -> l.startsWith("{\"ts\"")
                    && Events.json(l).path("event").asText().equals("rule_error"));
            JsonNode error = Events.json(line);
            assertThat(error.path("rule").asText()).isEqualTo("project-summary");
            assertThat(error.path("method").asText()).isEqualTo("com.example.scenes.SceneService#summarize");
            assertThat(error.path("reason").asText()).contains("codec json cannot rebuild",
                    "com.example.scenes.ProjectSummary has no constructor Jackson can call",
                    "its @JsonCreator is the application's Jackson annotation", "use codec java");

            long queries = app.stats().path("dbQueries").asLong();
            JsonNode first = Events.json(app.get(SUMMARY));
            JsonNode second = Events.json(app.get(SUMMARY));
            app.put("/scenes/p1/s3", "The ship runs aground.");
            JsonNode afterEdit = Events.json(app.get(SUMMARY));

            assertThat(first.path("scenes").asInt()).isEqualTo(3);
            assertThat(second).isEqualTo(first);
            assertThat(afterEdit.path("edits").asInt()).isEqualTo(first.path("edits").asInt() + 1);
            // three summaries and the update's two statements all reached the database
            assertThat(app.stats().path("dbQueries").asLong() - queries).isEqualTo(5);
            assertThat(SharedRedis.keyCount(prefix + "*")).isZero();
            app.shutdown();
            Events events = Events.from(app.jvm().stderr());
            assertThat(events.named("rule_error")).hasSize(1);
            assertThat(events.named("rule_applied")).isEmpty();
            assertThat(events.where(e -> e.path("rule").asText().equals("project-summary")
                    && (e.path("event").asText().equals("hit") || e.path("event").asText().equals("miss"))))
                    .isEmpty();
        }
    }

    @Test
    void javaCodecOnTheSameType_cachesTheMethod() throws Exception {
        String prefix = SharedRedis.newPrefix();
        try (ServedApp app = start("java", prefix)) {
            long queries = app.stats().path("dbQueries").asLong();
            String first = app.get(SUMMARY);
            SharedRedis.awaitKeys(prefix + "summaries:*", 1);

            assertThat(app.get(SUMMARY)).isEqualTo(first);
            assertThat(app.stats().path("dbQueries").asLong() - queries).isEqualTo(1);
            app.shutdown();
            Events events = Events.from(app.jvm().stderr());
            assertThat(events.named("rule_error")).as(app.jvm().transcript()).isEmpty();
            assertThat(events.named("hit")).singleElement()
                    .satisfies(hit -> assertThat(hit.path("tier").asText()).isEqualTo("redis"));
        }
    }
}
