package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule file with errors never stops or changes the application (unless it asks to). */
class InvalidRuleFileIT {
    private static final String[] DEMO = {"demo", "--requests", "60", "--seed", "11"};

    @TempDir
    Path dir;

    @Test
    void invalidRuleFile_leavesTheAppUntouched_withOneConfigErrorNamingTheLine() throws Exception {
        Path rules = dir.resolve("broken.yaml");
        Files.writeString(rules, """
                version: 1
                rules:
                  - name: style-prompt
                    match: { type: com.example.preview.StylePromptService, method: getStylePrompt }
                    cache: { ttl: 15, maxEntries: 100 }
                """);
        DemoSummary plain = DemoSummary.withoutAgent(DEMO);
        ChildJvm app = ChildJvm.java().agent(rules).testApp(DEMO).run();

        DemoSummary summary = DemoSummary.of(app);
        summary.assertSameWorkAs(plain);
        Events events = Events.from(app.stderr());
        assertThat(events.named("config_error")).as(app.transcript()).hasSize(1);
        JsonNode error = events.named("config_error").get(0);
        assertThat(error.path("reason").asText()).startsWith(rules + ":5:").contains("ttl").contains("ms");
        assertThat(events.named("rule_applied")).isEmpty();
    }

    @Test
    void onConfigErrorFail_exitsWithStatus78_beforeMainRuns() throws Exception {
        Path rules = dir.resolve("strict.yaml");
        Files.writeString(rules, """
                version: 1
                agent: { onConfigError: fail }
                rules:
                  - name: style-prompt
                    match: { type: com.example.preview.StylePromptService, method: getStylePrompt }
                    cache: { tll: 15m, maxEntries: 100 }
                """);
        ChildJvm app = ChildJvm.java().agent(rules).testApp(DEMO).start();

        assertThat(app.awaitExit()).as(app.transcript()).isEqualTo(78);
        assertThat(app.stdout()).isEmpty();
        assertThat(Events.from(app.stderr()).named("config_error")).singleElement()
                .satisfies(e -> assertThat(e.path("reason").asText()).contains(":6:").contains("did you mean 'ttl'"));
    }

    @Test
    void missingRuleFile_isOneConfigError_andTheAppRuns() throws Exception {
        ChildJvm app = ChildJvm.java().agent(dir.resolve("nowhere.yaml")).testApp(DEMO).run();

        assertThat(DemoSummary.of(app).requests()).isPositive();
        assertThat(Events.from(app.stderr()).named("config_error")).as(app.transcript()).hasSize(1);
    }
}
