package dev.cacheagent.config;

import dev.cacheagent.config.CacheSpec.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The rule file's top level: reads each section, then checks what spans sections (rule names are
 * unique, every cache a rule names exists, Redis tiers have a Redis server).
 */
final class RuleFileSchema {
    private static final int VERSION = 1;

    private final YamlTree tree;
    private final Problems problems;
    private final AgentSection agentSection;
    private final RedisSection redisSection;
    private final CacheSection cacheSection;
    private final RuleSection ruleSection;
    private boolean failFast;

    RuleFileSchema(YamlTree tree) {
        this.tree = tree;
        this.problems = tree.problems();
        this.agentSection = new AgentSection();
        this.redisSection = new RedisSection();
        this.cacheSection = new CacheSection();
        this.ruleSection = new RuleSection(tree, new RuleCacheSection(cacheSection));
    }

    /** The rule file; empty when anything is wrong with it (the problems say what). */
    Optional<RuleFile> read(Node root, String source) {
        Optional<YamlMap> top = tree.map(root, "rule file", "", "the rule file");
        if (top.isEmpty()) {
            return Optional.empty();
        }
        YamlMap file = top.get();
        version(file);
        AgentSettings agent = file.section("agent", "agent").map(agentSection::read).orElse(AgentSettings.defaults());
        failFast = agent.onConfigError() == AgentSettings.OnConfigError.FAIL;
        RedisSettings redis = file.section("redis", "redis").map(redisSection::read).orElse(null);
        Map<String, CacheSpec> caches = caches(file);
        Set<String> named = Set.copyOf(caches.keySet());
        List<Rule> rules = rules(file, caches);
        file.finish();
        redisNeeded(caches, named, file.has("redis"));
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RuleFile(source, VERSION, agent, redis, caches, rules));
    }

    /** Whether the file read so far asks for {@code agent.onConfigError: fail}. */
    boolean failFast() {
        return failFast;
    }

    private void version(YamlMap file) {
        Optional<Node> node = file.node("version");
        if (node.isEmpty()) {
            file.missing("version", "1");
            return;
        }
        tree.scalar(node.get(), "version", "version").ifPresent(scalar -> {
            try {
                long version = scalar.asInteger();
                if (version != VERSION) {
                    problems.add(scalar.position(), "version", "version " + version + " is not supported",
                            "write version: 1, the rule-file format this agent reads");
                }
            } catch (InvalidValue e) {
                problems.add(scalar.position(), "version", "'version' " + e.what(), "write version: 1");
            }
        });
    }

    private Map<String, CacheSpec> caches(YamlMap file) {
        Map<String, CacheSpec> caches = new LinkedHashMap<>();
        file.section("caches", "caches").ifPresent(section -> {
            for (YamlMap.Entry entry : section.entries()) {
                String name = entry.key();
                String where = "cache '" + name + "'";
                if (!Names.isName(name)) {
                    problems.add(entry.keyPosition(), where, "the name must use only letters, digits, - and _",
                            "rename it, e.g. " + name.replaceAll("[^A-Za-z0-9_-]+", "-"));
                }
                tree.map(entry.value(), where, "", "caches." + name).ifPresent(cache -> {
                    caches.put(name, cacheSection.read(name, cache));
                    cache.finish();
                });
            }
            section.finish();
        });
        return caches;
    }

    /** Reads the rules, adds their private caches to {@code caches}, then checks the caches they name. */
    private List<Rule> rules(YamlMap file, Map<String, CacheSpec> caches) {
        Map<String, CacheSpec> named = Map.copyOf(caches);
        Map<String, Position> names = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        List<CacheReference> references = new ArrayList<>();
        List<Node> items = file.list("rules").orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            ruleSection.read(items.get(i), i).ifPresent(result -> {
                Rule rule = result.rule();
                rules.add(rule);
                references.addAll(result.references());
                if (rule.name() != null) {
                    unique(rule, names);
                    privateCache(rule, result.privateCache(), named, caches);
                }
            });
        }
        references.forEach(reference -> exists(reference, caches));
        return rules;
    }

    private void unique(Rule rule, Map<String, Position> names) {
        Position first = names.putIfAbsent(rule.name(), rule.position());
        if (first != null) {
            problems.add(rule.position(), "rule '" + rule.name() + "'", "the name '" + rule.name()
                    + "' is already used by the rule at line " + first.line(), "give each rule a name of its own");
        }
    }

    private void privateCache(Rule rule, CacheSpec spec, Map<String, CacheSpec> named, Map<String, CacheSpec> caches) {
        if (spec == null) {
            return;
        }
        CacheSpec clash = named.get(rule.name());
        if (clash != null) {
            problems.add(spec.position(), "rule '" + rule.name() + "'", "the inline cache is named after the rule, '"
                    + rule.name() + "', but caches: already has a cache of that name (line " + clash.position().line()
                    + ")", "rename the rule, or replace the inline settings with use: " + rule.name());
        } else {
            caches.putIfAbsent(rule.name(), spec);
        }
    }

    private void exists(CacheReference reference, Map<String, CacheSpec> caches) {
        if (caches.containsKey(reference.cache())) {
            return;
        }
        String fix = NearestName.to(reference.cache(), caches.keySet())
                .map(near -> "did you mean '" + near + "'?")
                .orElse(caches.isEmpty() ? "declare it under caches:"
                        : "declare it under caches:, or name one of " + String.join(", ", caches.keySet()));
        problems.add(reference.position(), reference.where(), "'" + reference.path() + "' names cache '"
                + reference.cache() + "', which does not exist", fix);
    }

    private void redisNeeded(Map<String, CacheSpec> caches, Set<String> named, boolean hasRedis) {
        if (hasRedis) {
            return;
        }
        for (CacheSpec cache : caches.values()) {
            if (cache.tier() != Tier.LOCAL) {
                String where = (named.contains(cache.name()) ? "cache '" : "rule '") + cache.name() + "'";
                problems.add(cache.position(), where, "tier " + Scalar.nameOf(cache.tier()) + " needs a Redis server",
                        "add a redis: section with the server's url");
            }
        }
    }
}
