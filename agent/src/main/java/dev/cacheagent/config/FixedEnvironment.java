package dev.cacheagent.config;

import java.util.Map;

/** An environment given as two maps. */
record FixedEnvironment(Map<String, String> properties, Map<String, String> variables) implements Environment {

    FixedEnvironment {
        properties = Map.copyOf(properties);
        variables = Map.copyOf(variables);
    }

    @Override
    public String property(String name) {
        return properties.get(name);
    }

    @Override
    public String variable(String name) {
        return variables.get(name);
    }
}
