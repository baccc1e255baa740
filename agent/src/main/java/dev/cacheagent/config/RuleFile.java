package dev.cacheagent.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole, valid rule file.
 *
 * @param source the file it was read from, as given
 * @param caches the named caches, in file order, plus one private cache for each rule that
 *     declared its cache inline (named {@code <rule>}, see {@link CacheAction#cache()})
 */
public record RuleFile(String source, int version, AgentSettings agent, RedisSettings redis,
        Map<String, CacheSpec> caches, List<Rule> rules) {
    public RuleFile {
        // Map.copyOf would lose the file order that callers list caches in.
        caches = Collections.unmodifiableMap(new LinkedHashMap<>(caches));
        rules = List.copyOf(rules);
    }
}
