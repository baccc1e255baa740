package dev.cacheagent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a rule's {@code cache:}: either {@code use:} a cache declared under {@code caches:}, or the
 * settings of a private cache inline, plus the rule's key, condition, unless and warmup.
 */
final class RuleCacheSection {
    private final CacheSection caches;

    /** What a rule's {@code cache:} yields. {@code privateCache} is {@code null} with {@code use}. */
    record Result(CacheAction action, CacheSpec privateCache, Optional<CacheReference> reference) {}

    RuleCacheSection(CacheSection caches) {
        this.caches = caches;
    }

    Result read(YamlMap cache, String ruleName) {
        boolean use = cache.has("use");
        List<String> inline = CacheSection.KEYS.stream().filter(cache::has).toList();
        Optional<CacheReference> reference = Optional.empty();
        CacheSpec privateCache = null;
        String cacheName = ruleName;
        if (use && !inline.isEmpty()) {
            cache.error(cache.keyPosition(inline.get(0)), "'cache' has both 'use' and inline settings ("
                    + String.join(", ", inline) + ")", "remove 'use' to give this rule a private cache, or remove "
                    + String.join(", ", inline) + " to share the cache it names");
        } else if (use) {
            cacheName = cache.optional("use", Names::name).orElse(null);
            reference = Optional.ofNullable(cacheName).map(name -> CacheReference.to(cache, "use", name));
        } else if (inline.isEmpty()) {
            cache.error(cache.position(), "'cache' names no cache", "add use: <a cache under caches:>, or ttl and"
                    + " maxEntries for a cache of this rule's own");
        } else {
            privateCache = caches.read(ruleName, cache);
        }
        ExpressionText key = cache.optional("key", Scalar::asExpression).orElse(null);
        ExpressionText condition = cache.optional("condition", Scalar::asExpression).orElse(null);
        ExpressionText unless = cache.optional("unless", Scalar::asExpression).orElse(null);
        boolean cacheNulls = cache.get("cacheNulls", Scalar::asBoolean, false);
        List<List<Object>> warmup = warmup(cache);
        cache.finish();
        return new Result(new CacheAction(cacheName, key, condition, unless, cacheNulls, warmup), privateCache,
                reference);
    }

    private static List<List<Object>> warmup(YamlMap cache) {
        Optional<List<Node>> calls = cache.list("warmup");
        List<List<Object>> warmup = new ArrayList<>();
        calls.ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                String path = cache.path("warmup") + "[" + i + "]";
                cache.tree().list(items.get(i), cache.where(), path)
                        .ifPresent(arguments -> warmup.add(arguments(cache, path, arguments)));
            }
        });
        return warmup;
    }

    private static List<Object> arguments(YamlMap cache, String path, List<Node> nodes) {
        // Warmup arguments may be null, which List.copyOf refuses.
        List<Object> arguments = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            cache.convert(nodes.get(i), path + "[" + i + "]", s -> Optional.ofNullable(s.asPlainValue()))
                    .ifPresent(value -> arguments.add(value.orElse(null)));
        }
        return Collections.unmodifiableList(arguments);
    }
}
