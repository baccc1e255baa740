package dev.cacheagent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Optional;
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
        Optional<String> any = System.getenv().keySet().stream().findFirst();
        assumeTrue(any.isPresent(), "the test process has environment variables");
        String name = any.get();
        assertThat(Environment.system().variable(name)).isEqualTo(System.getenv(name));
    }
}
