package dev.cacheagent.config;

import static dev.cacheagent.config.RuleFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.CacheSpec.Tier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCacheSectionTest {
    private static final String HEAD = """
            version: 1
            caches:
              prompts: { ttl: 10m, maxEntries: 100 }
            rules:
              - name: r
                match: { type: com.example.S, method: get }
            """;

    /** A file whose rule's {@code cache:} is on line 7. */
    private static RuleFile file(String cache) throws ConfigException {
        return RuleFiles.parse(HEAD + "    cache: " + cache + "\n");
    }

    private static List<String> cacheErrors(String cache) {
        return errors(HEAD + "    cache: " + cache + "\n");
    }

    @Test
    void use_namesASharedCache() throws ConfigException {
        CacheAction cache = file("{ use: prompts, cacheNulls: true }").rules().get(0).cache();
        assertThat(cache).isEqualTo(new CacheAction("prompts", null, null, null, true, List.of()));
    }

    @Test
    void cacheNulls_defaultsToFalse() throws ConfigException {
        assertThat(file("{ use: prompts }").rules().get(0).cache().cacheNulls()).isFalse();
    }

    @Test
    void inlineSettings_declareAPrivateCacheNamedAfterTheRule() throws ConfigException {
        RuleFile file = file("{ ttl: 30s, maxEntries: 50 }");
        assertThat(file.rules().get(0).cache().cache()).isEqualTo("r");
        assertThat(file.caches()).containsKeys("prompts", "r");
        assertThat(file.caches().get("r")).isEqualTo(new CacheSpec("r", Tier.LOCAL, Duration.ofSeconds(30), 50, 0,
                null, null, null, null, List.of(), new Position(RuleFiles.FILE, 7, 12)));
    }

    @Test
    void inlineSettings_checkedLikeANamedCache() {
        assertThat(cacheErrors("{ ttl: 30s }")).containsExactly(
                "rules.yaml:7:12: rule 'r': 'cache.maxEntries' is missing — add maxEntries: 10000");
    }

    @Test
    void inlineSettings_unknownKey_isNamedByItsPath() {
        assertThat(cacheErrors("{ ttl: 30s, maxEntries: 5, tll: 1m }")).containsExactly(
                "rules.yaml:7:39: rule 'r': unknown key 'cache.tll' — did you mean 'ttl'?");
    }

    @Test
    void inlineSettings_clashWithANamedCache_isAnError() {
        assertThat(errors("""
                version: 1
                caches:
                  r: { ttl: 10m, maxEntries: 100 }
                rules:
                  - name: r
                    match: { type: com.example.S, method: get }
                    cache: { ttl: 30s, maxEntries: 50 }
                """)).containsExactly("rules.yaml:7:12: rule 'r': the inline cache is named after the rule, 'r', but"
                        + " caches: already has a cache of that name (line 3) — rename the rule, or replace the inline"
                        + " settings with use: r");
    }

    @Test
    void useAndInlineSettings_isAnError() {
        assertThat(cacheErrors("{ use: prompts, ttl: 30s, maxEntries: 5 }")).containsExactly("rules.yaml:7:28: rule"
                + " 'r': 'cache' has both 'use' and inline settings (ttl, maxEntries) — remove 'use' to give this rule"
                + " a private cache, or remove ttl, maxEntries to share the cache it names");
    }

    @Test
    void neitherUseNorInlineSettings_isAnError() {
        assertThat(cacheErrors("{ cacheNulls: true }")).containsExactly("rules.yaml:7:12: rule 'r': 'cache' names no"
                + " cache — add use: <a cache under caches:>, or ttl and maxEntries for a cache of this rule's own");
    }

    @Test
    void use_unknownCache_suggestsTheNearest() {
        assertThat(cacheErrors("{ use: prompt }")).containsExactly("rules.yaml:7:19: rule 'r': 'cache.use' names"
                + " cache 'prompt', which does not exist — did you mean 'prompts'?");
    }

    @Test
    void use_noCachesDeclared_saysToDeclareIt() {
        assertThat(errors("""
                version: 1
                rules:
                  - name: r
                    match: { type: com.example.S, method: get }
                    cache: { use: prompts }
                """)).containsExactly("rules.yaml:5:19: rule 'r': 'cache.use' names cache 'prompts', which does not"
                        + " exist — declare it under caches:");
    }

    @Test
    void use_mayNameAnotherRulesPrivateCache() throws ConfigException {
        RuleFile file = RuleFiles.parse(HEAD + """
                    cache: { ttl: 30s, maxEntries: 50 }
                  - name: writer
                    match: { type: com.example.S, method: set }
                    evict: [{ cache: r, all: true }]
                """);
        assertThat(file.rules().get(1).evict().get(0).cache()).isEqualTo("r");
    }

    @Test
    void warmup_readsEachArgumentListAsPlainValues() throws ConfigException {
        assertThat(file("\n      use: prompts\n      warmup:\n        - [classic-oil-painting, 3, ~, true, 0.5]\n"
                + "        - []").rules().get(0).cache().warmup()).containsExactly(Arrays.asList("classic-oil-painting", 3L, null, true, 0.5),
                List.of());
    }

    @Test
    void warmup_itemNotAList_isAnError() {
        assertThat(cacheErrors("{ use: prompts, warmup: [classic] }")).containsExactly(
                "rules.yaml:7:37: rule 'r': 'cache.warmup[0]' must be a list, not a single value — write it as"
                        + " [a, b] or as one '- item' a line");
    }

    @Test
    void cache_notAMapping_isAnError() {
        assertThat(cacheErrors("prompts")).containsExactly("rules.yaml:7:12: rule 'r': 'cache' must be a mapping,"
                + " not a single value — write it as 'key: value' lines or as { key: value }");
    }
}
