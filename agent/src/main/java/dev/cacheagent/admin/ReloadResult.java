package dev.cacheagent.admin;

import java.util.List;

/** What a reload did. */
public sealed interface ReloadResult {

    /**
     * The new rule file is in force.
     *
     * @param keptCaches caches whose settings did not change: they kept their entries
     * @param retransformedClasses loaded classes rewritten because their instrumented methods changed
     * @param restartNeeded settings that changed but take effect only at the next start
     */
    record Applied(int rules, int caches, List<String> keptCaches, int retransformedClasses,
            List<String> restartNeeded) implements ReloadResult {
        public Applied {
            keptCaches = List.copyOf(keptCaches);
            restartNeeded = List.copyOf(restartNeeded);
        }
    }

    /** The new rule file has errors (each with file, line and column): the running configuration is kept. */
    record Refused(List<String> errors) implements ReloadResult {
        public Refused {
            errors = List.copyOf(errors);
        }
    }
}
