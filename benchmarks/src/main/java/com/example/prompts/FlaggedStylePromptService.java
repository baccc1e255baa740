package com.example.prompts;

import java.util.concurrent.atomic.LongAdder;

/**
 * The method of the issue in a class that only a rule with {@code enabled: false} names: the rule-file switch
 * that keeps a cache off until it is flipped. The agent must not transform this class at all.
 */
public class FlaggedStylePromptService {
    private final LongAdder originCalls = new LongAdder();

    /** Rule {@code switched-off}: {@code enabled: false}. */
    public String getStylePrompt(String styleName) {
        originCalls.increment();
        return StylePrompts.lookup(styleName);
    }

    /** How many calls ran the origin, over all threads. */
    public long originCalls() {
        return originCalls.sum();
    }
}
