package dev.cacheagent.instrumentation;

import java.util.ArrayList;
import java.util.List;

/**
 * The packages the agent never transforms, whatever a rule says: the JDK and the agent itself.
 * One list for the agent and for {@code validate}'s dry run.
 */
final class IgnoredTypes {
    static final List<String> PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.cacheagent.");
    /** The same, as the JVM hands names to a transformer ({@code java/lang/String}). */
    private static final List<String> INTERNAL_PREFIXES = internalForms(PREFIXES);

    private IgnoredTypes() {}

    /** By binary name ({@code java.lang.String}). */
    static boolean ignored(String typeName) {
        return startsWithAny(typeName, PREFIXES);
    }

    /**
     * By internal name ({@code java/lang/String}): the transformers ask for every class the JVM loads, most of them
     * the JDK's, and this answers without making the binary name of each.
     */
    static boolean ignoredInternalName(String internalName) {
        return startsWithAny(internalName, INTERNAL_PREFIXES);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> internalForms(List<String> prefixes) {
        List<String> internal = new ArrayList<>();
        for (String prefix : prefixes) {
            internal.add(prefix.replace('.', '/'));
        }
        return List.copyOf(internal);
    }
}
