package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent costs an application's startup, and what it defers: with no rule on, nothing of the bytecode
 * library (ASM, relocated) is loaded (the transformer rejects every class by name), and what operates the
 * agent starts after {@code premain}, reporting its failures as before; the platform MBeanServer is left for a
 * JMX user to create.
 */
class StartupIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void ruleFileWithEveryRuleOff_neitherParsesNorRewritesAnyClass() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                caches:
                  shapes: { ttl: 1m, maxEntries: 100 }
                rules:
                  - name: catalog-lookups
                    enabled: false
                    match: { type: fixture.shapes.Catalog, method: lookup }
                    cache: { use: shapes, key: "#p0" }
                """);
        Path classLog = dir.resolve("classes.log");
        ChildJvm app = ChildJvm.java().agent(rules).jvmArg("-Xlog:class+load=info:file=" + classLog)
                .mainClass(System.getProperty("fixture.classes"), "fixture.shapes.MatchingApp").run();

        assertThat(app.stdout()).as(app.transcript())
                .containsExactly("lookups=3 counts=3 labels=3 finds=6 areas=3");
        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).as("the application's classes were loaded").anyMatch(l -> l.contains(" fixture.shapes.Catalog "));
        assertThat(loaded.stream().filter(l -> l.contains(" dev.cacheagent.shaded.asm.")))
                .as("the bytecode library's class-file reader and writer").isEmpty();
    }

    @Test
    void adminApiOnAPortInUse_isOneConfigError_andTheApplicationStillAnswers() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path rules = promptRulesWithAdminOn(taken.getLocalPort());
            try (ServedApp app = ServedApp.start(ChildJvm.java().agent(rules).env("DB_DELAY_MS", "0"))) {
                assertThat(app.get("/prompts/neon-noir")).isNotBlank();
                JsonNode error = awaitEvent(app, "config_error");

                assertThat(error.path("reason").asText()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                        .contains("choose a free local port for agent.admin.bind");
                assertThat(Events.from(app.jvm().stderr()).named("admin_started")).isEmpty();
                assertThat(app.get("/prompts/neon-noir")).isNotBlank();
            }
        }
    }

    @Test
    void agentWithItsServicesRunning_leavesThePlatformMBeanServerUncreated() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path rules = promptRulesWithAdminOn(port);
        Path classLog = dir.resolve("classes.log");
        try (ServedApp app = ServedApp.start(ChildJvm.java().agent(rules).env("DB_DELAY_MS", "0")
                .jvmArg("-Xlog:class+load=info:file=" + classLog))) {
            awaitEvent(app, "admin_started");
            assertThat(app.get("/prompts/neon-noir")).isNotBlank();
            app.shutdown();
        }

        assertThat(Files.readAllLines(classLog).stream().filter(l -> l.contains(" com.sun.jmx.mbeanserver.JmxMBeanServer ")))
                .as("the platform MBeanServer (made by the first JMX user, then the agent registers its MBeans)")
                .isEmpty();
    }

    /** A rule file caching style prompts, with the admin API on {@code port}. */
    private Path promptRulesWithAdminOn(int port) throws java.io.IOException {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                agent:
                  admin: { bind: "127.0.0.1:%d" }
                caches:
                  prompts: { ttl: 1m, maxEntries: 100 }
                rules:
                  - name: style-prompt
                    match: { type: com.example.preview.StylePromptService, method: getStylePrompt }
                    cache: { use: prompts, key: "#p0" }
                """.formatted(port));
        return rules;
    }

    private static JsonNode awaitEvent(ServedApp app, String event) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> found = Events.from(app.jvm().stderr()).named(event);
            if (!found.isEmpty()) {
                assertThat(found).as(app.jvm().transcript()).hasSize(1);
                return found.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + event + " event within " + WAIT + "\n" + app.jvm().transcript());
    }
}
