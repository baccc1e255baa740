package dev.cacheagent.config;

import java.util.Map;

/**
 * Where {@code ${NAME}} in a rule file and the config location come from: system properties first,
 * then environment variables.
 */
public interface Environment {

    /** The system property {@code name}, or {@code null}. */
    String property(String name);

    /** The environment variable {@code name}, or {@code null}. */
    String variable(String name);

    /** The system property {@code name}, else the environment variable, else {@code null}. */
    default String lookup(String name) {
        String property = property(name);
        return property != null ? property : variable(name);
    }

    /** This JVM's system properties and this process's environment. */
    static Environment system() {
        return new SystemEnvironment();
    }

    /** Fixed values, for tests and tools. */
    static Environment of(Map<String, String> properties, Map<String, String> variables) {
        return new FixedEnvironment(properties, variables);
    }
}
