package dev.cacheagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fixture.FixtureClasses;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate}, with the real rule-file loader and, for the dry run, the real runtime's binding. */
class ValidateCommandTest {
    /** Rules over the classes of {@code fixture.validate} (see {@link FixtureClasses}). */
    private static final String FIXTURE_RULES = """
            version: 1
            caches:
              profiles: { ttl: 5m, maxEntries: 100 }
            rules:
              - name: greet
                match: { type: fixture.validate.GreetingService, method: greet }
                log: {}
              - name: profile
                match: { type: fixture.validate.ProfileService, method: describe }
                cache: { use: profiles }
              - name: typo
                match: { type: fixture.validate.GreetingServise, method: greet }
                log: {}
              - name: off
                enabled: false
                match: { type: fixture.validate.GreetingService, method: forget }
                log: {}
            """;

    @TempDir
    Path temp;

    @Test
    void validate_aValidFile_printsAOneLineSummary_withStatus0() throws IOException {
        Path rules = write("""
                version: 1
                caches:
                  prompts: { ttl: 15m, maxEntries: 1000 }
                rules:
                  - name: style-prompt
                    match: { type: com.example.StylePromptService, method: getStylePrompt }
                    cache: { use: prompts, key: "#p0" }
                  - name: timing
                    enabled: false
                    match: { type: com.example.Provider, method: call }
                    log: {}
                """);

        Cli.Outcome outcome = Cli.run("validate", rules.toString());

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).isEqualTo(rules + ": OK — 2 rules (1 enabled), 1 cache\n");
    }

    @Test
    void validate_aFileThatTurnsTheAgentOff_saysSo() throws IOException {
        Path rules = write("""
                version: 1
                agent: { enabled: false }
                """);

        Cli.Outcome outcome = Cli.run("validate", rules.toString());

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).endsWith("note: agent.enabled is false: with this file the agent would instrument"
                + " nothing\n");
    }

    @Test
    void validate_anUnknownKey_printsItsPositionAndASuggestion_withStatus1() throws IOException {
        Path rules = write("""
                version: 1
                caches:
                  prompts:
                    tll: 15m
                    maxEntries: 1000
                """);

        Cli.Outcome outcome = Cli.run("validate", rules.toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.out()).contains(rules + ":4:5: cache 'prompts': unknown key 'tll' — did you mean 'ttl'?\n");
    }

    @Test
    void validate_aDurationWithoutAUnit_saysWhichUnitToAdd_withStatus1() throws IOException {
        Path rules = write("""
                version: 1
                caches:
                  prompts: { ttl: 900000, maxEntries: 1000 }
                """);

        Cli.Outcome outcome = Cli.run("validate", rules.toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.out()).startsWith(rules + ":3:").contains("900000 without a unit", "900000ms");
    }

    @Test
    void validate_printsEveryError_andHowMany() throws IOException {
        Path rules = write("""
                version: 1
                caches:
                  prompts: { tll: 15m, maxEntries: 1000 }
                rules:
                  - name: idle
                    match: { type: com.example.Service, method: get }
                """);

        Cli.Outcome outcome = Cli.run("validate", rules.toString());

        long errors = outcome.out().lines().filter(line -> line.matches(Pattern.quote(rules.toString())
                + ":\\d+:\\d+: .*")).count();
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(errors).isGreaterThanOrEqualTo(2);
        assertThat(outcome.out()).endsWith(rules + ": " + errors
                + " errors; with this file the agent would instrument nothing\n");
    }

    @Test
    void validate_aFileThatIsNotYaml_isAnErrorWithItsPosition() throws IOException {
        Path rules = write("version: 1\nrules: [\n");

        Cli.Outcome outcome = Cli.run("validate", rules.toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.out()).startsWith(rules + ":");
    }

    @Test
    void validate_aMissingFile_isAnError_withStatus1() {
        Path missing = temp.resolve("missing.yaml");

        Cli.Outcome outcome = Cli.run("validate", missing.toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.out()).startsWith(missing + ":1:1: ");
    }

    @Test
    void validate_withoutAFile_isBadUsage() {
        Cli.Outcome outcome = Cli.run("validate");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("cache-agent validate: missing argument — write: validate <rules.yaml>"
                + " [--classpath <jars and class directories>]\n");
    }

    @Test
    void validate_withAClasspathEntryThatDoesNotExist_isBadUsage() throws IOException {
        Path rules = write(FIXTURE_RULES);

        Cli.Outcome outcome = Cli.run("validate", rules.toString(), "--classpath", temp.resolve("nope.jar").toString());

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("cache-agent validate: classpath entry '" + temp.resolve("nope.jar")
                + "' does not exist — check the path");
    }

    @Test
    void dryRun_listsEveryMethodEachRuleWouldInstrument() throws IOException {
        Cli.Outcome outcome = dryRun(FIXTURE_RULES);

        assertThat(outcome.out()).contains("""
                rule 'greet' would instrument 2 methods:
                  fixture.validate.GreetingService#greet(String)
                  fixture.validate.GreetingService#greet(String, int)
                """);
    }

    @Test
    void dryRun_reportsTheRuleErrorOfADefaultKeyOverATypeWithoutEquals_withStatus1() throws IOException {
        Cli.Outcome outcome = dryRun(FIXTURE_RULES);

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.out()).containsPattern(".*rules\\.yaml:8:5: rule 'profile': rule_error on"
                + " fixture\\.validate\\.ProfileService#describe\\(ProfileService\\$Settings\\): .+\n");
    }

    @Test
    void dryRun_reportsAWarmupListThatCannotFitTheMethod_withStatus1() throws IOException {
        Cli.Outcome outcome = dryRun("""
                version: 1
                rules:
                  - name: greet
                    match: { type: fixture.validate.GreetingService, method: greet, params: [String] }
                    cache: { ttl: 1m, maxEntries: 10, warmup: [[Ann], [Ann, 2]] }
                """);

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.out()).contains("rules.yaml:3:5: rule 'greet': rule_error on"
                + " fixture.validate.GreetingService#greet: warmup[1] has 2 argument(s) but"
                + " fixture.validate.GreetingService#greet takes 1 (java.lang.String name)");
        assertThat(outcome.out()).endsWith("dry run: 1 method would be instrumented, 1 rule_error, 0 rules matching"
                + " nothing\n");
    }

    @Test
    void dryRun_warnsOfAnEnabledRuleThatMatchesNothing() throws IOException {
        Cli.Outcome outcome = dryRun(FIXTURE_RULES);

        assertThat(outcome.out()).contains(":11:5: rule 'typo': warning: matches no method on this classpath");
        assertThat(outcome.out()).doesNotContain("rule 'off': warning");
    }

    @Test
    void dryRun_withOnlyWarnings_succeeds() throws IOException {
        Cli.Outcome outcome = dryRun("""
                version: 1
                rules:
                  - name: greet
                    match: { type: fixture.validate.GreetingService, method: greet, params: [String] }
                    log: {}
                  - name: typo
                    match: { type: fixture.validate.GreetingServise, method: greet }
                    log: {}
                """);

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).endsWith("dry run: 1 method would be instrumented, 0 rule_errors, 1 rule matching"
                + " nothing\n");
    }

    @Test
    void dryRun_bindsRulesOnSharedCaches_withoutTalkingToRedis() throws IOException {
        Cli.Outcome outcome = dryRun("""
                version: 1
                redis: { url: "redis://127.0.0.1:1", timeout: 50ms }
                caches:
                  greetings: { tier: two-level, ttl: 1m, maxEntries: 100 }
                rules:
                  - name: greet
                    match: { type: fixture.validate.GreetingService, method: greet, params: [String] }
                    cache: { use: greetings }
                """);

        assertThat(outcome.status()).as(outcome.out()).isZero();
        assertThat(outcome.out()).contains("  fixture.validate.GreetingService#greet(String)\n")
                .endsWith("dry run: 1 method would be instrumented, 0 rule_errors, 0 rules matching nothing\n");
    }

    @Test
    void dryRun_reportsAReturnTypeTheJsonCodecCannotRebuild_withStatus1() throws Exception {
        Path rules = write("""
                version: 1
                redis: { url: "redis://127.0.0.1:1", timeout: 50ms }
                caches:
                  shapes: { tier: redis, ttl: 1m }
                rules:
                  - name: shape
                    match: { type: fixture.json.Returns, method: shape }
                    cache: { use: shapes }
                """);
        Path testClasses = Path.of(fixture.json.Returns.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());

        Cli.Outcome outcome = Cli.run("validate", rules.toString(), "--classpath", testClasses.toString());

        assertThat(outcome.status()).as(outcome.out()).isEqualTo(1);
        assertThat(outcome.out()).contains("rules.yaml:6:5: rule 'shape': rule_error on fixture.json.Returns#shape(): "
                + "cache 'shapes' of rule 'shape' stores the values of fixture.json.Returns#shape in Redis, but codec"
                + " json cannot rebuild values of the declared type fixture.json.Shape: fixture.json.Shape is an "
                + "interface");
    }

    @Test
    void dryRun_readsEveryJarOfADirStarEntry() throws IOException {
        Path rules = write(FIXTURE_RULES);
        Path lib = Files.createDirectory(temp.resolve("lib"));
        FixtureClasses.jar(lib.resolve("app.jar"));

        Cli.Outcome outcome = Cli.run("validate", rules.toString(), "--classpath",
                Files.createDirectory(temp.resolve("empty-classes")) + File.pathSeparator + lib + File.separator + "*");

        assertThat(outcome.out()).contains("  fixture.validate.GreetingService#greet(String)\n");
    }

    private Cli.Outcome dryRun(String yaml) throws IOException {
        Path rules = write(yaml);
        Path classes = FixtureClasses.directory(Files.createDirectory(temp.resolve("classes")));
        return Cli.run("validate", rules.toString(), "--classpath", classes.toString());
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(temp.resolve("rules.yaml"), yaml);
    }
}
