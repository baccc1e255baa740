package dev.cacheagent.instrumentation;

/**
 * The packages the agent never transforms, whatever a rule says: the JDK and the agent itself.
 * One list for the agent and for {@code validate}'s dry run.
 */
final class IgnoredTypes {
    /* Arrays, iterated without an iterator: the transformers ask for every class the JVM loads. */
    private static final String[] BINARY_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.cacheagent."};
    /** As the JVM hands names to a transformer: {@code java/lang/String}. */
    private static final String[] INTERNAL_PREFIXES = internalForms(BINARY_PREFIXES);

    private IgnoredTypes() {}

    /** By binary name ({@code java.lang.String}). */
    static boolean ignored(String typeName) {
        return startsWithAny(typeName, BINARY_PREFIXES);
    }

    /**
     * By internal name ({@code java/lang/String}): the transformers ask for every class the JVM loads, most of them
     * the JDK's, and this answers without making the binary name of each.
     */
    static boolean ignoredInternalName(String internalName) {
        return startsWithAny(internalName, INTERNAL_PREFIXES);
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String[] internalForms(String[] prefixes) {
        String[] internal = new String[prefixes.length];
        for (int i = 0; i < internal.length; i++) {
            internal[i] = prefixes[i].replace('.', '/');
        }
        return internal;
    }
}
