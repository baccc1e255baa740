package dev.cacheagent.runtime;

import dev.cacheagent.config.AgentSettings;
import dev.cacheagent.config.CacheAction;
import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.EvictAction;
import dev.cacheagent.config.ExpressionText;
import dev.cacheagent.config.LogSpec;
import dev.cacheagent.config.Match;
import dev.cacheagent.config.Position;
import dev.cacheagent.config.PutAction;
import dev.cacheagent.config.Rule;
import dev.cacheagent.config.RuleFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Rule files, rules and methods for runtime tests, written the way a rule file reads. */
final class TestRules {
    static final Position AT = new Position("rules.yaml", 1, 1);
    static final Set<String> EVERY_EVENT = Set.of("hit", "miss", "skip", "fetch_error", "stale_served", "shadow_hit",
            "evict", "put", "call", "warmup_populate", "warmup_error", "refresh", "refresh_error");

    private TestRules() {}

    static ExpressionText expr(String source) {
        return source == null ? null : new ExpressionText(source, AT);
    }

    static CacheSpec localCache(String name, Duration ttl, long maxEntries) {
        return new CacheSpec(name, CacheSpec.Tier.LOCAL, ttl, maxEntries, 0, null, null, null, CacheSpec.Codec.JSON,
                List.of(), AT);
    }

    /**
     * A local cache with the live features: {@code refreshAhead} a share of ttl or {@code null},
     * {@code staleIfError} or {@code null}.
     */
    static CacheSpec liveCache(String name, Duration ttl, Double refreshAhead, Duration staleIfError) {
        return new CacheSpec(name, CacheSpec.Tier.LOCAL, ttl, 100, 0, null, refreshAhead, staleIfError,
                CacheSpec.Codec.JSON, List.of(), AT);
    }

    static RuleFile file(List<CacheSpec> caches, Rule... rules) {
        Map<String, CacheSpec> byName = new LinkedHashMap<>();
        caches.forEach(c -> byName.put(c.name(), c));
        return new RuleFile("rules.yaml", 1, AgentSettings.defaults(), null, byName, List.of(rules));
    }

    static RuleBuilder rule(String name) {
        return new RuleBuilder(name);
    }

    /** {@code log: {}} with every default. */
    static LogSpec log(String channel) {
        return new LogSpec(channel, EVERY_EVENT, 1.0, Duration.ZERO, Map.of(), false);
    }

    static LogSpec log(String channel, UnaryOperator<LogBuilder> settings) {
        return settings.apply(new LogBuilder(channel)).build();
    }

    /** A method with the given parameters ({@code "type name"} pairs, e.g. {@code "java.lang.String style"}). */
    static MethodInfo method(String returnType, String... parameters) {
        return methodOf("com.example.PromptService", "get", returnType, returnType, parameters);
    }

    static MethodInfo methodOf(String type, String name, String returnType, String genericReturnType,
            String... parameters) {
        List<MethodInfo.Parameter> params = Arrays.stream(parameters).map(p -> {
            String[] typeAndName = p.split(" ");
            return new MethodInfo.Parameter(typeAndName[1], typeAndName[0], true);
        }).toList();
        return new MethodInfo(type, name, params, returnType, genericReturnType, false);
    }

    static final class RuleBuilder {
        private final String name;
        private Rule.Mode mode = Rule.Mode.SERVE;
        private CacheAction cache;
        private final List<EvictAction> evict = new ArrayList<>();
        private final List<PutAction> put = new ArrayList<>();
        private LogSpec log;
        private Double costPerCall;

        RuleBuilder(String name) {
            this.name = name;
        }

        RuleBuilder cache(String cacheName) {
            return cache(cacheName, null, null, null, false);
        }

        RuleBuilder cache(String cacheName, String key, String condition, String unless, boolean cacheNulls) {
            cache = new CacheAction(cacheName, expr(key), expr(condition), expr(unless), cacheNulls, List.of());
            return this;
        }

        /** Warm-up argument lists for the rule's cache (call after {@code cache}). */
        RuleBuilder warmup(List<?>... lists) {
            List<List<Object>> warmup = Arrays.stream(lists).map(l -> (List<Object>) new ArrayList<Object>(l)).toList();
            cache = new CacheAction(cache.cache(), cache.key(), cache.condition(), cache.unless(), cache.cacheNulls(),
                    warmup);
            return this;
        }

        RuleBuilder shadow() {
            mode = Rule.Mode.SHADOW;
            return this;
        }

        RuleBuilder evictKey(String cacheName, String key, EvictAction.When when) {
            evict.add(new EvictAction(cacheName, new EvictAction.Target.Key(expr(key)), when, AT));
            return this;
        }

        RuleBuilder evictPattern(String cacheName, String pattern, EvictAction.When when) {
            evict.add(new EvictAction(cacheName, new EvictAction.Target.Pattern(expr(pattern)), when, AT));
            return this;
        }

        RuleBuilder evictAll(String cacheName, EvictAction.When when) {
            evict.add(new EvictAction(cacheName, new EvictAction.Target.All(), when, AT));
            return this;
        }

        RuleBuilder put(String cacheName, String key, String value) {
            put.add(new PutAction(cacheName, expr(key), expr(value), AT));
            return this;
        }

        RuleBuilder log(LogSpec spec) {
            log = spec;
            return this;
        }

        RuleBuilder costPerCall(double cost) {
            costPerCall = cost;
            return this;
        }

        Rule build() {
            Match match = new Match(new Match.TypePattern.Exact("com.example.PromptService"), "get", null);
            return new Rule(name, true, mode, match, cache, evict, put, costPerCall, log, AT);
        }
    }

    static final class LogBuilder {
        private final String channel;
        private Set<String> events = EVERY_EVENT;
        private double sample = 1.0;
        private Duration slowerThan = Duration.ZERO;
        private final Map<String, ExpressionText> fields = new LinkedHashMap<>();
        private boolean breakdown;

        LogBuilder(String channel) {
            this.channel = channel;
        }

        LogBuilder events(String... names) {
            events = Arrays.stream(names).collect(Collectors.toCollection(LinkedHashSet::new));
            return this;
        }

        LogBuilder sample(double share) {
            sample = share;
            return this;
        }

        LogBuilder slowerThan(Duration threshold) {
            slowerThan = threshold;
            return this;
        }

        LogBuilder field(String name, String expression) {
            fields.put(name, expr(expression));
            return this;
        }

        LogBuilder breakdown() {
            breakdown = true;
            return this;
        }

        LogSpec build() {
            return new LogSpec(channel, events, sample, slowerThan, fields, breakdown);
        }
    }
}
