package dev.cacheagent.instrumentation;

import java.util.List;

/**
 * The packages the agent never transforms, whatever a rule says: the JDK and the agent itself.
 * One list for the agent and for {@code validate}'s dry run.
 */
final class IgnoredTypes {
    static final List<String> PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.cacheagent.");

    private IgnoredTypes() {}

    static boolean ignored(String typeName) {
        for (String prefix : PREFIXES) {
            if (typeName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
