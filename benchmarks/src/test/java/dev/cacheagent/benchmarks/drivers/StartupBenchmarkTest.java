package dev.cacheagent.benchmarks.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupBenchmarkTest {
    @Test
    void ruleCount_countsTheRulesOfARuleFile(@TempDir Path dir) throws Exception {
        Path rules = Files.write(dir.resolve("rules.yaml"), List.of(
                "version: 1",
                "rules:",
                "  - name: style-prompt",
                "    match: { type: com.example.preview.StylePromptService, method: getStylePrompt }",
                "  - name: provider-call   # timing only",
                "    log: {}"));

        assertThat(StartupBenchmark.ruleCount(rules)).isEqualTo(2);
    }

    @Test
    void agentVariant_attachesTheAgentWithTheRuleFileAndTurnsTheSwitchesOn() {
        Variant variant = StartupBenchmark.agentVariant(Path.of("/opt/cache-agent.jar"), Path.of("/rules/a.yaml"));

        assertThat(variant.name()).isEqualTo("agent + a.yaml");
        assertThat(variant.jvmOptions()).containsExactly("-javaagent:/opt/cache-agent.jar=/rules/a.yaml");
        assertThat(variant.environment()).containsEntry("ENABLE_PROMPT_CACHE", "true");
    }

    @Test
    void baselineVariant_attachesTheOtherAgentJarUnderANameThatSaysSo() {
        Variant variant = StartupBenchmark.baselineVariant(Path.of("/tmp/main-agent.jar"), Path.of("/rules/a.yaml"));

        assertThat(variant.name()).isEqualTo("baseline agent + a.yaml (main-agent.jar)");
        assertThat(variant.jvmOptions()).containsExactly("-javaagent:/tmp/main-agent.jar=/rules/a.yaml");
        assertThat(variant.environment()).containsEntry("ENABLE_PREVIEW_CACHE", "true");
    }

    @Test
    void floorVariant_attachesTheDoNothingAgentWithoutArgumentsUnderANameThatSaysSo() {
        Variant variant = StartupBenchmark.floorVariant(Path.of("/tmp/floor-agent.jar"));

        assertThat(variant.name()).isEqualTo("do-nothing agent with a transformer (floor-agent.jar)");
        assertThat(variant.jvmOptions()).containsExactly("-javaagent:/tmp/floor-agent.jar");
    }

    @Test
    void openTelemetryVariant_turnsEveryExporterOff() {
        Variant variant = StartupBenchmark.openTelemetryVariant(Path.of("/opt/otel.jar"));

        assertThat(variant.jvmOptions()).containsExactly("-javaagent:/opt/otel.jar", "-Dotel.traces.exporter=none",
                "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none");
    }

    @Test
    void command_servesTestAppOnAFreePortWithTheVariantsOptionsBeforeTheJar() {
        Variant variant = Variant.plain().with("no agent, -Xshare:off", "-Xshare:off");

        assertThat(TestAppProcess.command(Path.of("/jdk/bin/java"), Path.of("app.jar"), variant))
                .containsExactly("/jdk/bin/java", "-Xshare:off", "-jar", "app.jar", "serve", "--port", "0");
    }
}
