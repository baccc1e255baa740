package dev.cacheagent.config;

/**
 * One problem in a rule file.
 *
 * @param where the rule, cache or section concerned, e.g. {@code rule 'style-prompt'}, {@code cache 'prompts'}
 * @param what what is wrong
 * @param fix how to fix it
 */
public record ConfigError(Position position, String where, String what, String fix) {

    /** {@code file:line:col: <where>: <what> — <how to fix>}. */
    public String message() {
        return position + ": " + where + ": " + what + " — " + fix;
    }
}
