package dev.cacheagent.config;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;

/** Parses rule-file text as {@code rules.yaml} in an empty environment, for tests. */
final class RuleFiles {
    static final String FILE = "rules.yaml";
    static final Environment EMPTY = Environment.of(Map.of(), Map.of());

    /** A rule that only logs, to make a file valid around the part under test. */
    static final String TIMING_RULE = """
            rules:
              - name: timing
                match: { type: com.example.Service, method: get }
                log: {}
            """;

    private RuleFiles() {}

    static RuleFile parse(String yaml) throws ConfigException {
        return RuleFileLoader.parse(yaml, FILE, EMPTY);
    }

    static RuleFile parse(String yaml, Environment env) throws ConfigException {
        return RuleFileLoader.parse(yaml, FILE, env);
    }

    /** The messages of the errors the text is rejected with; fails when it is accepted. */
    static List<String> errors(String yaml) {
        return errors(yaml, EMPTY);
    }

    static List<String> errors(String yaml, Environment env) {
        return assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> RuleFileLoader.parse(yaml, FILE, env))
                .actual()
                .errors().stream().map(ConfigError::message).toList();
    }
}
