package com.example.prompts;

import java.util.concurrent.atomic.LongAdder;

/**
 * The method of the issue cached in Redis: one copy per rule of the benchmark rule file for the Redis tiers
 * ({@code benchmarks/rules/redis-benchmarks.yaml}), the same origin behind each.
 */
public class SharedStylePromptService {
    private final LongAdder originCalls = new LongAdder();

    /** Rule {@code two-level}: a local copy in front of Redis, key {@code #styleName.trim().toLowerCase()}. */
    public String getStylePrompt(String styleName) {
        return origin(styleName);
    }

    /** Rule {@code redis}: every lookup is a Redis GET, key {@code #styleName.trim().toLowerCase()}. */
    public String getStylePromptFromRedis(String styleName) {
        return origin(styleName);
    }

    /** How many calls ran the origin, over all threads. */
    public long originCalls() {
        return originCalls.sum();
    }

    private String origin(String styleName) {
        originCalls.increment();
        return StylePrompts.lookup(styleName);
    }
}
