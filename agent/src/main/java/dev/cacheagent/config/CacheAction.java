package dev.cacheagent.config;

import java.util.List;

/**
 * A rule's {@code cache:} section.
 *
 * @param cache the name of the cache in {@link RuleFile#caches()}; for a cache declared inline, the
 *     rule's name
 * @param key {@code null} for the default key (all arguments)
 * @param condition {@code null} when absent
 * @param unless {@code null} when absent
 * @param warmup argument lists as plain YAML scalars (strings, numbers, booleans, null)
 */
public record CacheAction(String cache, ExpressionText key, ExpressionText condition, ExpressionText unless,
        boolean cacheNulls, List<List<Object>> warmup) {
    public CacheAction {
        warmup = List.copyOf(warmup);
    }
}
