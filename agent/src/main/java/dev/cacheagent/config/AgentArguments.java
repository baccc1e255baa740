package dev.cacheagent.config;

import java.util.Optional;

/**
 * The agent's argument string ({@code -javaagent:cache-agent.jar=<arguments>}): comma-separated
 * {@code key=value} pairs, of which a bare first token is the rule file.
 */
public final class AgentArguments {
    /** The system property naming the rule file when the agent argument does not. */
    public static final String CONFIG_PROPERTY = "cacheagent.config";
    /** The environment variable naming the rule file when neither argument nor property does. */
    public static final String CONFIG_VARIABLE = "CACHE_AGENT_CONFIG";

    private static final String CONFIG_KEY = "config";

    private AgentArguments() {}

    /**
     * Where the rule file is: the agent argument ({@code rules.yaml} or {@code config=rules.yaml}),
     * else the system property {@code cacheagent.config}, else the environment variable
     * {@code CACHE_AGENT_CONFIG}; empty when none of them names one.
     */
    public static Optional<String> configLocation(String agentArgs, Environment env) {
        // Not Optional.or with lambdas: premain runs this, and each lambda linked there is time the application waits.
        Optional<String> location = fromArguments(agentArgs);
        if (location.isEmpty()) {
            location = nonBlank(env.property(CONFIG_PROPERTY));
        }
        if (location.isEmpty()) {
            location = nonBlank(env.variable(CONFIG_VARIABLE));
        }
        return location;
    }

    private static Optional<String> fromArguments(String agentArgs) {
        if (agentArgs == null) {
            return Optional.empty();
        }
        String[] tokens = agentArgs.split(",");
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].trim();
            int equals = token.indexOf('=');
            if (equals < 0 && i == 0 && !token.isEmpty()) {
                return Optional.of(token);
            }
            if (equals >= 0 && token.substring(0, equals).trim().equals(CONFIG_KEY)) {
                return nonBlank(token.substring(equals + 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
