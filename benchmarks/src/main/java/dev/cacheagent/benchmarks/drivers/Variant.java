package dev.cacheagent.benchmarks.drivers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One way of starting test-app: a name for the tables, the JVM options before {@code -jar}, and environment
 * variables added to the driver's own.
 */
record Variant(String name, List<String> jvmOptions, Map<String, String> environment) {
    Variant {
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }

    /** test-app started as it is, without any agent. */
    static Variant plain() {
        return new Variant("no agent", List.of(), Map.of());
    }

    /** The same variant with more JVM options (a CDS or logging switch) under another name. */
    Variant with(String newName, String... moreOptions) {
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(List.of(moreOptions));
        return new Variant(newName, options, environment);
    }
}
