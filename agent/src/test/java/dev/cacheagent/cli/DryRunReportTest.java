package dev.cacheagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.LogSpec;
import dev.cacheagent.config.Match;
import dev.cacheagent.config.Position;
import dev.cacheagent.config.Rule;
import dev.cacheagent.instrumentation.ClasspathScan;
import dev.cacheagent.instrumentation.ClasspathScan.MatchedMethod;
import dev.cacheagent.runtime.Binding;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DryRunReportTest {
    private static final Rule GREET = rule("greet", true, 10);
    private static final Rule PROFILES = rule("profiles", true, 20);
    private static final Rule TYPO = rule("typo", true, 30);
    private static final Rule OFF = rule("off", false, 40);
    private static final List<Rule> RULES = List.of(GREET, PROFILES, TYPO, OFF);

    private static final ClasspathScan.Result RESULT = new ClasspathScan.Result(12, List.of(
            new MatchedMethod("com.example.GreetingService", "greet", List.of("java.lang.String"),
                    List.of("greet"), new Binding.Bound(0)),
            new MatchedMethod("com.example.GreetingService", "greet", List.of("java.lang.String", "int"),
                    List.of("greet"), new Binding.Bound(1)),
            new MatchedMethod("com.example.ProfileService", "describe", List.of("com.example.Settings"),
                    List.of("greet", "profiles"), new Binding.Rejected("profiles",
                            "a default key over com.example.Settings, which does not override equals — give a key"))),
            List.of("typo"), List.of("com.example.Broken: its class file could not be read"));

    @Test
    void print_listsTheMethodsEachRuleWouldInstrument() {
        assertThat(print()).contains("""
                rule 'greet' would instrument 2 methods:
                  com.example.GreetingService#greet(String)
                  com.example.GreetingService#greet(String, int)
                """);
    }

    @Test
    void print_reportsARuleErrorAtTheRulesPosition() {
        assertThat(print()).contains("""
                rule 'profiles' would instrument 0 methods:
                rules.yaml:20:5: rule 'profiles': rule_error on com.example.ProfileService#describe(Settings): a default\
                 key over com.example.Settings, which does not override equals — give a key
                """);
    }

    @Test
    void print_showsAnotherRulesMethodLeftUninstrumentedByTheRuleError() {
        assertThat(print()).contains("  com.example.ProfileService#describe(Settings) — left uninstrumented: rule"
                + " 'profiles' cannot apply to it\n");
    }

    @Test
    void print_warnsOfARuleThatMatchesNothing_atItsPosition() {
        assertThat(print()).contains("rules.yaml:30:5: rule 'typo': warning: matches no method on this classpath —"
                + " check match.type (a binary name, e.g. com.example.Outer$Inner), match.method and match.params\n");
    }

    @Test
    void print_namesDisabledRules() {
        assertThat(print()).contains("rule 'off' is disabled: the agent would not apply it\n");
    }

    @Test
    void print_warnsOfUnreadableClasses() {
        assertThat(print()).contains("warning: could not read com.example.Broken: its class file could not be read\n");
    }

    @Test
    void print_startsWithWhatWasReadAndEndsWithTheCounts() {
        String printed = print();

        assertThat(printed).startsWith("dry run over 2 classpath entries, 12 classes (read, not loaded):\n");
        assertThat(printed).endsWith("dry run: 2 methods would be instrumented, 1 rule_error, 1 rule matching"
                + " nothing\n");
    }

    @Test
    void ruleErrors_countsRejectedMethods() {
        assertThat(new DryRunReport(RULES, RESULT).ruleErrors()).isEqualTo(1);
    }

    private static String print() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new DryRunReport(RULES, RESULT).print(out, 2);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Rule rule(String name, boolean enabled, int line) {
        return new Rule(name, enabled, Rule.Mode.SERVE, new Match(new Match.TypePattern.Exact("com.example.X"), "m",
                null), null, List.of(), List.of(), null, new LogSpec(name, Set.of(), 1, Duration.ZERO, Map.of(), false),
                new Position("rules.yaml", line, 5));
    }
}
