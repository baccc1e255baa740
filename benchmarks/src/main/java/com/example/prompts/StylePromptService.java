package com.example.prompts;

import java.util.concurrent.atomic.LongAdder;

/**
 * {@code String getStylePrompt(String)}, the method of the issue, and copies of it that differ only in how the
 * benchmark rule file treats them: each method has its own rule (or none), and all run the same origin.
 *
 * <p>It counts the calls that reach the origin, so a benchmark can check before it measures that the agent
 * caches what it should and leaves alone what it should.
 */
public class StylePromptService {
    private final LongAdder originCalls = new LongAdder();

    /** Rule {@code style-prompt}: key {@code #styleName.trim().toLowerCase()}, as in the issue. */
    public String getStylePrompt(String styleName) {
        return origin(styleName);
    }

    /** Rule {@code default-key}: no {@code key}, so the key is all the arguments. */
    public String getStylePromptByDefaultKey(String styleName) {
        return origin(styleName);
    }

    /** Rule {@code first-argument-key}: key {@code #p0}. */
    public String getStylePromptByFirstArgument(String styleName) {
        return origin(styleName);
    }

    /** Rule {@code never-stored}: {@code unless: "true"}, so every call is a miss that runs the origin. */
    public String getStylePromptNeverStored(String styleName) {
        return origin(styleName);
    }

    /** Rule {@code switched-off-at-run-time}: instrumented, then disabled through the admin API. */
    public String getStylePromptSwitchedOffAtRunTime(String styleName) {
        return origin(styleName);
    }

    /** No rule names this method, though the class is instrumented for the others: it must stay untouched. */
    public String getStylePromptWithoutRule(String styleName) {
        return origin(styleName);
    }

    /** How many calls ran the origin over all threads. */
    public long originCalls() {
        return originCalls.sum();
    }

    private String origin(String styleName) {
        originCalls.increment();
        return StylePrompts.lookup(styleName);
    }
}
