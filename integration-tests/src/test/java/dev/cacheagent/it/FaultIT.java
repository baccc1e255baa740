package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults inside the agent's work never reach the application. */
class FaultIT {
    private static final String[] DEMO = {"demo", "--requests", "60", "--seed", "11"};

    @TempDir
    Path dir;

    @Test
    void keyExpressionThatThrows_bypassesTheCache_andTheAppAnswersAsWithoutTheAgent() throws Exception {
        Path rules = dir.resolve("bad-key.yaml");
        Files.writeString(rules, """
                version: 1
                rules:
                  - name: style-prompt
                    match: { type: com.example.preview.StylePromptService, method: getStylePrompt }
                    cache: { ttl: 10m, maxEntries: 100, key: "#styleName.substring(1000)" }
                    log: {}
                """);
        DemoSummary plain = DemoSummary.withoutAgent(DEMO);
        ChildJvm app = ChildJvm.java().agent(rules).testApp(DEMO).run();

        DemoSummary summary = DemoSummary.of(app);
        summary.assertSameWorkAs(plain);
        Events events = Events.from(app.stderr());
        assertThat(events.named("rule_error")).as(app.transcript()).isNotEmpty()
                .hasSizeLessThan((int) summary.json().path("promptQueries").asLong())
                .allSatisfy(e -> assertThat(e.path("rule").asText()).isEqualTo("style-prompt"));
        assertThat(events.named("hit")).isEmpty();
    }

    @Test
    void originalExceptions_reachTheCallerUnchanged() throws Exception {
        String crash = "{\"componentId\":\"hero\",\"spec\":\"crash now\"}";
        String withoutAgent;
        try (ServedApp plain = ServedApp.start(ChildJvm.java())) {
            withoutAgent = plain.postExpectingError("/build", crash);
        }
        try (ServedApp app = ServedApp.start(ChildJvm.java().agent(Jars.sample("scenes-and-decisions.yaml")))) {
            assertThat(app.postExpectingError("/build", crash)).isEqualTo(withoutAgent);
            assertThat(app.postExpectingError("/build", crash)).isEqualTo(withoutAgent);
        }
    }
}
