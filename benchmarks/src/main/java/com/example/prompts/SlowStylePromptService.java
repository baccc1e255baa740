package com.example.prompts;

import java.util.concurrent.atomic.LongAdder;

/**
 * A style-prompt lookup that takes about a microsecond of CPU, long enough for two threads missing on the same
 * key to overlap: the case single flight exists for. Thread-safe.
 */
public class SlowStylePromptService {
    private final LongAdder originCalls = new LongAdder();
    private final int work;

    /** @param work how many rounds of hashing the origin does before it answers (about 1 ns each) */
    public SlowStylePromptService(int work) {
        this.work = work;
    }

    /** Rule {@code single-flight}: key {@code #styleName}, {@code unless: "true"}, so concurrent calls all miss. */
    public String getStylePrompt(String styleName) {
        originCalls.increment();
        int hash = 0;
        for (int round = 0; round < work; round++) {
            hash = 31 * hash + styleName.charAt(round % styleName.length());
        }
        // Depending on the hash keeps the JIT from dropping the loop.
        return hash == 42 ? "" : StylePrompts.lookup(styleName);
    }

    /** How many calls ran the origin, over all threads. */
    public long originCalls() {
        return originCalls.sum();
    }
}
