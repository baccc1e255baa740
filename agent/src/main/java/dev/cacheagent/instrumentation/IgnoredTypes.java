package dev.cacheagent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.none;

import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The packages the agent never transforms, whatever a rule says: the JDK, the agent itself and
 * Byte Buddy. One list for the agent and for {@code validate}'s dry run.
 */
final class IgnoredTypes {
    static final List<String> PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.cacheagent.",
            "net.bytebuddy.");

    private IgnoredTypes() {}

    static boolean ignored(String typeName) {
        for (String prefix : PREFIXES) {
            if (typeName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static ElementMatcher.Junction<TypeDescription> matcher() {
        ElementMatcher.Junction<TypeDescription> matcher = none();
        for (String prefix : PREFIXES) {
            matcher = matcher.or(nameStartsWith(prefix));
        }
        return matcher;
    }
}
