package dev.cacheagent.matching;

import dev.cacheagent.config.SelectableTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a class could be selected by a rule file whose rules are not parsed yet: the names and globs
 * of {@link SelectableTypes}, which hold every type a rule of the file selects. A class it rejects is
 * sure to be left alone; one it accepts may still match no rule.
 */
public final class TypeScreen {
    private final boolean all;
    private final Set<String> names;
    /** An array, not a list: {@link #mayMatch} runs for every class the JVM loads, and iterates without an iterator. */
    private final Glob[] globs;

    private TypeScreen(boolean all, Set<String> names, Glob[] globs) {
        this.all = all;
        this.names = names;
        this.globs = globs;
    }

    public static TypeScreen of(SelectableTypes types) {
        // A loop, not a stream: premain runs this, and each lambda linked there is time the application waits.
        List<Glob> globs = new ArrayList<>();
        for (String glob : types.globs()) {
            globs.add(Glob.of(glob));
        }
        return new TypeScreen(types.all(), types.names(), globs.toArray(new Glob[0]));
    }

    /** Whether a rule of the file may select a class of this binary name. */
    public boolean mayMatch(String typeName) {
        if (all || names.contains(typeName)) {
            return true;
        }
        for (Glob glob : globs) {
            if (glob.matches(typeName)) {
                return true;
            }
        }
        return false;
    }
}
