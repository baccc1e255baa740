package dev.cacheagent.config;

import java.util.List;
import java.util.stream.Collectors;

/** A rule file that cannot be used, with every error found in it. */
public final class ConfigException extends Exception {
    private final transient List<ConfigError> errors;
    private final boolean failFast;

    public ConfigException(List<ConfigError> errors) {
        this(errors, false);
    }

    /**
     * @param failFast whether the file asked for {@code agent.onConfigError: fail}
     */
    public ConfigException(List<ConfigError> errors, boolean failFast) {
        super(errors.stream().map(ConfigError::message).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
        this.failFast = failFast;
    }

    public List<ConfigError> errors() {
        return errors;
    }

    /**
     * Whether the rule file asked for {@code agent.onConfigError: fail}: the JVM should then exit
     * instead of running without the agent. {@code false} when the file could not be read far enough
     * to tell (it is missing, or is not valid YAML), or when that setting is itself in error.
     */
    public boolean failFast() {
        return failFast;
    }
}
