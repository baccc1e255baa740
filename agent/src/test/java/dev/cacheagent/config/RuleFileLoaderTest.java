package dev.cacheagent.config;

import static dev.cacheagent.config.RuleFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading whole files: from disk, the version, and how errors are reported together. */
class RuleFileLoaderTest {
    @TempDir
    Path dir;

    private List<String> loadErrors(Path file) {
        return assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> RuleFileLoader.load(file, RuleFiles.EMPTY))
                .actual().errors().stream().map(ConfigError::message).toList();
    }

    @Test
    void load_readsTheFileAndNamesItAsGiven() throws IOException, ConfigException {
        Path file = Files.writeString(dir.resolve("rules.yaml"), "version: 1\n" + RuleFiles.TIMING_RULE);
        RuleFile rules = RuleFileLoader.load(file, RuleFiles.EMPTY);
        assertThat(rules.source()).isEqualTo(file.toString());
        assertThat(rules.version()).isEqualTo(1);
        assertThat(rules.rules()).extracting(Rule::name).containsExactly("timing");
    }

    @Test
    void load_errorsCarryTheFilePath() throws IOException {
        Path file = Files.writeString(dir.resolve("rules.yaml"), "version: 2\n" + RuleFiles.TIMING_RULE);
        assertThat(loadErrors(file)).containsExactly(file + ":1:10: version: version 2 is not supported — write"
                + " version: 1, the rule-file format this agent reads");
    }

    @Test
    void load_missingFile_isAnErrorAtLineOne() {
        Path file = dir.resolve("absent.yaml");
        assertThat(loadErrors(file)).containsExactly(file + ":1:1: rule file: the file does not exist — check the"
                + " path; a relative path is read from " + Path.of("").toAbsolutePath());
    }

    @Test
    void load_directory_isAnErrorAtLineOne() {
        assertThat(loadErrors(dir)).singleElement().asString()
                .startsWith(dir + ":1:1: rule file: the file cannot be read: ");
    }

    @Test
    void load_notUtf8_isAnErrorAtLineOne() throws IOException {
        byte[] latin1 = "version: 1\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.yaml"), latin1);
        assertThat(loadErrors(file)).containsExactly(file + ":1:1: rule file: the file is not UTF-8 text — save it"
                + " as UTF-8");
    }

    @Test
    void load_overSizeLimit_isRejectedWithoutReadingIt() throws IOException {
        Path file = Files.write(dir.resolve("big.yaml"), new byte[4 * YamlReader.MAX_CODE_POINTS + 1]);
        assertThat(loadErrors(file)).containsExactly(file + ":1:1: rule file: the file is larger than 1 MiB — keep"
                + " the rule file under 1 MiB");
    }

    @Test
    void version_missing_isAnError() {
        assertThat(errors(RuleFiles.TIMING_RULE)).containsExactly(
                "rules.yaml:1:1: rule file: 'version' is missing — add version: 1");
    }

    @Test
    void version_notANumber_isAnError() {
        assertThat(errors("version: one\n" + RuleFiles.TIMING_RULE)).containsExactly(
                "rules.yaml:1:10: version: 'version' must be a whole number, not 'one' — write version: 1");
    }

    @Test
    void rules_absent_isAValidFileThatDoesNothing() throws ConfigException {
        RuleFile file = RuleFiles.parse("version: 1\n");
        assertThat(file.rules()).isEmpty();
        assertThat(file.caches()).isEmpty();
        assertThat(file.redis()).isNull();
        assertThat(file.agent()).isEqualTo(AgentSettings.defaults());
    }

    @Test
    void errors_areAllReportedInFileOrder() {
        assertThat(errors("""
                version: 1
                rules:
                  - name: b
                    match: { type: com.example.S, method: get }
                    cache: { use: missing }
                caches:
                  c: { ttl: 10 }
                """)).containsExactly(
                "rules.yaml:5:19: rule 'b': 'cache.use' names cache 'missing', which does not exist — declare it"
                        + " under caches:, or name one of c",
                "rules.yaml:7:6: cache 'c': 'maxEntries' is missing — add maxEntries: 10000",
                "rules.yaml:7:13: cache 'c': 'ttl' is 10 without a unit — add one: write 10ms or 10s (units: ms, s,"
                        + " m, h, d)");
    }

    @Test
    void errors_beyondTheLimit_areCountedNotListed() {
        StringBuilder yaml = new StringBuilder("version: 1\ncaches:\n");
        for (int i = 0; i < Problems.LIMIT + 50; i++) {
            yaml.append("  c").append(i).append(": { ttl: 1m }\n");
        }
        List<String> errors = errors(yaml.toString());
        assertThat(errors).hasSize(Problems.LIMIT + 1);
        assertThat(errors.get(Problems.LIMIT)).isEqualTo("rules.yaml:1:1: rule file: 50 more errors not shown — fix"
                + " the errors above and check the file again");
    }

    @Test
    void specExample_isRejectedForItsIllustrativeCacheKeysAndUndeclaredCaches() throws IOException {
        String yaml = Files.readString(Path.of("src/test/resources/config/spec-example.yaml"));
        String undeclared = "which does not exist — declare it under caches:, or name one of prompts";
        assertThat(errors(yaml)).containsExactly(
                "rules.yaml:31:5: cache 'prompts': 'localTtl' applies to tier two-level only — remove it, or set"
                        + " tier: two-level",
                "rules.yaml:34:5: cache 'prompts': 'codec' applies to tiers redis and two-level only — remove it; a"
                        + " local cache keeps the objects",
                "rules.yaml:35:5: cache 'prompts': 'allowClasses' applies to codec java only — remove it, or set"
                        + " codec: java",
                "rules.yaml:66:18: rule 'scene-update': 'evict[0].cache' names cache 'scenes', " + undeclared,
                "rules.yaml:67:18: rule 'scene-update': 'evict[1].cache' names cache 'project-scenes', " + undeclared,
                "rules.yaml:68:18: rule 'scene-update': 'evict[2].cache' names cache 'scenes', " + undeclared,
                "rules.yaml:69:18: rule 'scene-update': 'evict[3].cache' names cache 'decisions', " + undeclared,
                "rules.yaml:71:18: rule 'scene-update': 'put[0].cache' names cache 'scenes', " + undeclared);
    }

    @Test
    void failFast_whenTheFileAsksForIt() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> RuleFiles.parse("version: 1\nagent: { onConfigError: fail }\nrules: 7\n"))
                .matches(ConfigException::failFast);
    }

    @Test
    void failFast_notByDefault() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> RuleFiles.parse("version: 1\nrules: 7\n"))
                .matches(e -> !e.failFast());
    }

    @Test
    void failFast_notWhenTheFileIsNotYaml() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> RuleFiles.parse("agent: { onConfigError: fail }\n  x: [\n"))
                .matches(e -> !e.failFast());
    }
}
