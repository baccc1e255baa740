package dev.cacheagent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    @Test
    void lookup_prefersTheSystemProperty() {
        Environment env = Environment.of(Map.of("NAME", "property"), Map.of("NAME", "variable"));
        assertThat(env.lookup("NAME")).isEqualTo("property");
    }

    @Test
    void lookup_fallsBackToTheEnvironmentVariable() {
        Environment env = Environment.of(Map.of(), Map.of("NAME", "variable"));
        assertThat(env.lookup("NAME")).isEqualTo("variable");
    }

    @Test
    void lookup_nullWhenNeitherIsSet() {
        assertThat(RuleFiles.EMPTY.lookup("NAME")).isNull();
    }

    @Test
    void system_readsSystemProperties() {
        assertThat(Environment.system().property("java.version")).isEqualTo(System.getProperty("java.version"));
    }

    @Test
    void system_readsEnvironmentVariables() {
        // Maven, the shell and CI all run the tests with PATH set.
        assertThat(Environment.system().variable("PATH")).isNotEmpty().isEqualTo(System.getenv("PATH"));
    }
}
