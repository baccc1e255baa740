package dev.cacheagent.runtime;

import java.util.List;

/**
 * A rule as operators see it (admin API {@code GET /rules}, JMX).
 *
 * @param enabled whether calls run the rule now: on in the rule file and not switched off at run time
 * @param enabledInFile whether the rule file turns it on; a rule it turns off instruments nothing and
 *     cannot be switched on without a reload
 * @param methods the methods it was bound to, as {@code com.example.Type#name}
 * @param errors why it could not apply to a method it matched, and its latest error met while calls ran
 */
public record RuleStatus(String name, boolean enabled, boolean enabledInFile, List<String> methods,
        List<String> errors) {

    public RuleStatus {
        methods = List.copyOf(methods);
        errors = List.copyOf(errors);
    }
}
