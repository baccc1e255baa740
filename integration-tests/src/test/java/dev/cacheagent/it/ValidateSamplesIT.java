package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code cache-agent.jar validate} from the built jar: the dry run over test-app's jar, and its exit statuses. */
class ValidateSamplesIT {
    @TempDir
    Path dir;

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("prompt-prewarm.yaml", List.of(
                        "com.example.preview.StylePromptService#getStylePrompt(String)",
                        "com.example.preview.PreviewService#renderPreview(String, String, String, String)",
                        "com.example.preview.PreviewService#handlePreview(PreviewRequest)",
                        "com.example.preview.ReplicateService#generateImageToImage(String, String, String, String)")),
                Arguments.of("scenes-and-decisions.yaml", List.of(
                        "com.example.scenes.SceneService#getScene(String, String)",
                        "com.example.scenes.SceneService#listScenes(String)",
                        "com.example.scenes.SceneService#updateScene(String, String, String)",
                        "com.example.ai.DecisionService#decide(String, DecisionContext)",
                        "com.example.build.ComponentBuilder#build(String, String)")),
                Arguments.of("image-generation.yaml", List.of(
                        "com.example.images.ImageService#generate(String, int, int, String)")),
                Arguments.of("shared-system-prompt.yaml", List.of(
                        "com.example.system.SystemPromptService#activeSystemPrompt()",
                        "com.example.system.SystemPromptService#setActiveSystemPrompt(String)")),
                Arguments.of("llm-responses.yaml", List.of(
                        "com.example.llm.LlmClient#complete(String, List, double, int, String)")),
                Arguments.of("provider-timing.yaml", List.of(
                        "com.example.preview.ReplicateService#generateImageToImage(String, String, String, String)",
                        "com.example.images.ImageService#generate(String, int, int, String)",
                        "com.example.llm.LlmClient#complete(String, List, double, int, String)",
                        "com.example.ai.DecisionService#decide(String, DecisionContext)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void dryRun_overTestAppsJar_listsExactlyTheMethodsTheSampleTargets(String sample, List<String> methods)
            throws Exception {
        ChildJvm validate = ChildJvm.java().env("ENABLE_PROMPT_CACHE", "true").env("ENABLE_PREVIEW_CACHE", "true")
                .agentCommand("validate", Jars.sample(sample).toString(), "--classpath", Jars.testApp().toString())
                .start();

        assertThat(validate.awaitExit()).as(validate.transcript()).isZero();
        assertThat(validate.stdout().stream().filter(l -> l.startsWith("  ")).map(String::trim).distinct())
                .as(validate.transcript()).containsExactlyInAnyOrderElementsOf(methods);
        assertThat(validate.stdout()).anyMatch(l -> l.contains("0 rule_errors, 0 rules matching nothing"));
    }

    @Test
    void invalidFile_exitsWith1_andNamesTheLine() throws Exception {
        Path rules = dir.resolve("bad.yaml");
        Files.writeString(rules, "version: 1\nrules:\n  - name: x\n    match: { type: a.B, method: get }\n    cache: { ttl: 5 }\n");
        ChildJvm validate = ChildJvm.java().agentCommand("validate", rules.toString()).start();

        assertThat(validate.awaitExit()).isEqualTo(1);
        assertThat(validate.stdout()).anyMatch(l -> l.startsWith(rules + ":5:"));
    }

    @Test
    void badUsage_exitsWith2() throws Exception {
        ChildJvm validate = ChildJvm.java().agentCommand("validate").start();

        assertThat(validate.awaitExit()).isEqualTo(2);
    }
}
