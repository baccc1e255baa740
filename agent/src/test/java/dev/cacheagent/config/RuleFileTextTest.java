package dev.cacheagent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What is known of a rule file before it is parsed: the classes its rules could select (a superset of
 * what they select once parsed, whatever YAML style writes them) and whether it may ask to stop the JVM.
 */
class RuleFileTextTest {
    private static final Environment ENV = Environment.of(Map.of(), Map.of("SERVICE_PACKAGE", "com.example.svc"));

    private static RuleFileText text(String yaml) {
        return new RuleFileText(RuleFiles.FILE, yaml);
    }

    private static String rule(String match) {
        return "version: 1\nrules:\n  - name: r\n    match: " + match + "\n    log: {}\n";
    }

    /** Rule files whose type a rule names in each way YAML allows. */
    static Stream<String> ruleFilesWrittenInEveryStyle() {
        return Stream.of(
                rule("{ type: com.example.Service, method: get }"),
                rule("{ type: \"com.example.Service\", method: get }"),
                rule("{ type: 'com.example.Service', method: get }"),
                rule("\n      type: com.example.Outer$Inner\n      method: get"),
                rule("{ type: \"com.example.\\x53ervice\", method: get }"),
                rule("{ type: \"com.example.\\u0053ervice\", method: get }"),
                rule("{ type: \"com.example.\\\n        Service\", method: get }"),
                rule("{ glob: com.example.**.*Service, method: get }"),
                rule("{ glob: \"com.example.*\", method: get }"),
                rule("{ type: \"${SERVICE_PACKAGE}.Service\", method: get }"),
                rule("{ type: \"${UNSET_PACKAGE:com.example.fallback}.Service\", method: get }"),
                // A ${ left open in a comment swallows, in the substituted text, what follows it.
                "# see ${SERVICE_PACKAGE:\n" + rule("{ type: com.example.Swallowed, method: get } # }"),
                rule("{ type: &svc com.example.Anchored, method: get }")
                        + "  - name: s\n    match: { type: *svc, method: put }\n    log: {}\n",
                rule("\n      type: >-\n        com.example.Folded\n      method: get"));
    }

    @ParameterizedTest
    @MethodSource("ruleFilesWrittenInEveryStyle")
    void selectableTypes_holdEveryTypeTheParsedRulesSelect(String yaml) throws ConfigException {
        SelectableTypes types = text(yaml).selectableTypes(ENV);
        RuleFile parsed = RuleFiles.parse(yaml, ENV);
        assertThat(parsed.rules()).isNotEmpty();
        assertThat(types.all()).isFalse();
        for (Rule rule : parsed.rules()) {
            Match.TypePattern pattern = rule.match().type();
            if (pattern instanceof Match.TypePattern.Exact exact) {
                assertThat(types.names()).contains(exact.name());
            } else if (pattern instanceof Match.TypePattern.Glob glob) {
                assertThat(types.globs()).contains(glob.glob());
            }
        }
    }

    @Test
    void selectableTypes_ofEverySampleFile_holdTheirRulesTypes() throws IOException, ConfigException {
        Path samples = Path.of("..", "config-samples");
        List<Path> files;
        try (Stream<Path> listed = Files.list(samples)) {
            files = listed.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            RuleFileText text = RuleFileText.read(file);
            SelectableTypes types = text.selectableTypes(ENV);
            for (Rule rule : text.parse(ENV).rules()) {
                if (rule.match().type() instanceof Match.TypePattern.Exact exact) {
                    assertThat(types.names()).as(file.toString()).contains(exact.name());
                }
            }
            assertThat(types.all()).as(file.toString()).isFalse();
        }
    }

    @Test
    void selectableTypes_leaveOutWordsThatAreNoClassName() {
        SelectableTypes types = text(rule("{ type: com.example.Service, method: get }") + "# ttl: 15m, a-b\n")
                .selectableTypes(ENV);
        assertThat(types.names()).doesNotContain("15m", "a-b", "ttl:");
        assertThat(types.globs()).isEmpty();
    }

    @Test
    void selectableTypes_aSubtypeRule_isEveryClass() {
        assertThat(text(rule("{ subtypeOf: com.example.Source, method: get }")).selectableTypes(ENV).all()).isTrue();
    }

    @Test
    void selectableTypes_aBackslashOutsideQuotes_narrowsNothingAway() {
        SelectableTypes types = text("# run: java \\\n#   -jar app.jar\n" + rule("{ type: com.example.Service, method: get }"))
                .selectableTypes(ENV);
        assertThat(types.all()).isFalse();
        assertThat(types.names()).contains("com.example.Service");
    }

    @Test
    void selectableTypes_aSubstitutionThatFails_isEveryClass() {
        assertThat(text(rule("{ type: \"${UNSET_PACKAGE}.Service\", method: get }")).selectableTypes(ENV).all())
                .isTrue();
    }

    @Test
    void mayFailFast_noSetting_isFalse() {
        assertThat(text(rule("{ type: com.example.Service, method: get }")).mayFailFast()).isFalse();
    }

    @Test
    void mayFailFast_disableOnALineOfItsOwn_isFalse() {
        assertThat(text("agent:\n  onConfigError: disable   # keep running\n").mayFailFast()).isFalse();
        assertThat(text("agent:\n  onConfigError: \"disable\"\n").mayFailFast()).isFalse();
        assertThat(text("agent:\n  onConfigError : 'disable'\n").mayFailFast()).isFalse();
    }

    @Test
    void mayFailFast_aBackslashElsewhere_isFalse() {
        assertThat(text("# java \\\n#   -jar app.jar\nagent:\n  onConfigError: disable\n").mayFailFast()).isFalse();
    }

    @Test
    void mayFailFast_fail_isTrue() {
        assertThat(text("agent:\n  onConfigError: fail\n").mayFailFast()).isTrue();
    }

    @Test
    void mayFailFast_anySpellingItCannotBeSureOf_isTrue() {
        assertThat(text("agent: { onConfigError: disable }\n").mayFailFast()).isTrue();
        assertThat(text("agent:\n  onConfigError: ${ON_ERROR:disable}\n").mayFailFast()).isTrue();
        assertThat(text("agent:\n  onConfigError: disabled\n").mayFailFast()).isTrue();
        assertThat(text("agent:\n  onConfigError: disable#not-a-comment\n").mayFailFast()).isTrue();
        assertThat(text("agent:\n  \"onConfig\\x45rror\": fail\n").mayFailFast()).isTrue();
    }
}
