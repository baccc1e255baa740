package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cache-agent.jar attach <pid> rules.yaml}: a running test-app starts caching without a restart. */
class AttachIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void attach_toARunningApp_startsCachingWithoutARestart() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                rules:
                  - name: scene-read
                    match: { type: com.example.scenes.SceneService, method: getScene }
                    cache: { ttl: 5m, maxEntries: 100, key: "#projectId + ':' + #sceneId" }
                    log: { channel: scenes, events: [hit, miss] }
                """);
        try (ServedApp app = ServedApp.start(ChildJvm.java())) {
            long before = app.stats().path("dbQueries").asLong();
            app.get("/scenes/p1/s1");
            app.get("/scenes/p1/s1");
            assertThat(app.stats().path("dbQueries").asLong()).as("no agent yet").isEqualTo(before + 2);

            ChildJvm attach = ChildJvm.java().mainClass(Jars.agent().toString(), "dev.cacheagent.launcher.AgentLauncher",
                    "attach", Long.toString(app.jvm().pid()), rules.toString()).run();
            assertThat(attach.awaitExit()).as(attach.transcript()).isZero();
            assertThat(String.join("\n", attach.stdout())).contains("cache-agent loaded into process");
            awaitConfigLoaded(app);

            long attached = app.stats().path("dbQueries").asLong();
            app.get("/scenes/p1/s1");
            app.get("/scenes/p1/s1");
            app.get("/scenes/p1/s1");
            assertThat(app.stats().path("dbQueries").asLong()).as("one miss, then hits").isEqualTo(attached + 1);
            Events events = Events.from(app.jvm().stderr());
            assertThat(events.named("agent_started")).singleElement()
                    .satisfies(e -> assertThat(e.path("attached").asBoolean()).isTrue());
            assertThat(events.named("rule_applied")).anyMatch(e -> e.path("method").asText()
                    .equals("com.example.scenes.SceneService#getScene"));
        }
    }

    private static void awaitConfigLoaded(ServedApp app) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Events.from(app.jvm().stderr()).named("rule_applied").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the attached agent applied no rule within " + WAIT + "\n"
                        + app.jvm().transcript());
            }
            Thread.sleep(20);
        }
    }
}
