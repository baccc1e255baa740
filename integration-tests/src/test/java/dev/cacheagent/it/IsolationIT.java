package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent inside an application that bundles older copies of the agent's own libraries and loads
 * its service through a child-first class loader: the agent caches the service, and the service keeps
 * using its own library versions. On JDK 17 and on the newest JDK of the machine.
 */
class IsolationIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"current", "newest"})
    void agent_cachesChildFirstService_whileAppKeepsItsOwnLibraryVersions(String jdk) throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                rules:
                  - name: greeting
                    match: { type: fixture.GreetingService, method: greet }
                    cache: { ttl: 1m, maxEntries: 100 }
                    log: { events: [hit, miss] }
                """);
        ChildJvm.Builder java = jdk.equals("newest") ? ChildJvm.java(Jars.newestJdk()) : ChildJvm.java();
        ChildJvm app = java.agent(rules).mainClass(fixtureClasspath(), "fixture.ChildFirstApp").run();

        assertThat(app.stdout()).as(app.transcript())
                .filteredOn(l -> l.startsWith("GREETING")).hasSize(10)
                .allMatch(l -> l.equals("GREETING hello ada") || l.equals("GREETING hello bob"));
        assertThat(app.stdout()).as(app.transcript()).contains("CALLS 2", "LOADER child-first");
        JsonNode libraries = Events.json(app.stdout().stream().filter(l -> l.startsWith("LIBRARIES "))
                .findFirst().orElseThrow().substring("LIBRARIES ".length()));
        assertThat(libraries.path("caffeine").asText()).contains("caffeine-2.9.3");
        assertThat(libraries.path("bytebuddy").asText()).contains("byte-buddy-1.12.19");
        assertThat(libraries.path("snakeyaml").asText()).contains("snakeyaml-2.2");
        assertThat(libraries.path("jackson").asText()).contains("jackson-core-2.17.2");
        assertThat(libraries.path("generated").asBoolean()).isTrue();
        assertThat(libraries.path("yaml").asBoolean()).isTrue();

        Events events = Events.from(app.stderr());
        assertThat(events.named("rule_applied")).as(app.transcript())
                .anyMatch(e -> e.path("method").asText().equals("fixture.GreetingService#greet"));
        assertThat(events.named("hit")).hasSize(8);
        assertThat(events.named("miss")).hasSize(2);
    }

    private static String fixtureClasspath() throws IOException {
        Path libs = Path.of(System.getProperty("conflict.libs"));
        try (Stream<Path> jars = Files.list(libs)) {
            return System.getProperty("fixture.classes") + File.pathSeparator
                    + jars.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator));
        }
    }
}
