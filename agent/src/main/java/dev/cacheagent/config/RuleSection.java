package dev.cacheagent.config;

import dev.cacheagent.config.EvictAction.Target;
import dev.cacheagent.config.EvictAction.When;
import dev.cacheagent.config.Match.TypePattern;
import dev.cacheagent.config.Rule.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads one entry of {@code rules:}. */
final class RuleSection {
    private static final List<String> TYPE_KEYS = List.of("type", "glob", "subtypeOf");
    private static final List<String> EVICT_TARGETS = List.of("key", "pattern", "all");

    private final YamlTree tree;
    private final RuleCacheSection cacheSection;
    private final RuleLogSection logSection = new RuleLogSection();

    /**
     * What one rule yields. {@code privateCache} is {@code null} unless the rule declares its cache
     * inline; {@code references} are the caches it names, to check once all are known.
     */
    record Result(Rule rule, CacheSpec privateCache, List<CacheReference> references) {}

    RuleSection(YamlTree tree, RuleCacheSection cacheSection) {
        this.tree = tree;
        this.cacheSection = cacheSection;
    }

    Optional<Result> read(Node node, int index) {
        String where = tree.peek(node, "name").filter(Names::isName).map(n -> "rule '" + n + "'")
                .orElse("rule #" + (index + 1));
        return tree.map(node, where, "", "rules[" + index + "]").map(this::read);
    }

    private Result read(YamlMap rule) {
        String name = rule.required("name", Names::name, "style-prompt").orElse(null);
        boolean enabled = rule.get("enabled", Scalar::asBoolean, true);
        Mode mode = rule.get("mode", Scalar.choice(Mode.class), Mode.SERVE);
        Match match = rule.map("match").map(this::match).orElse(null);
        if (!rule.has("match")) {
            rule.missing("match", "{ type: com.example.Service, method: getThing }");
        }
        List<CacheReference> references = new ArrayList<>();
        Optional<RuleCacheSection.Result> cache = rule.map("cache").map(c -> cacheSection.read(c, name));
        cache.flatMap(RuleCacheSection.Result::reference).ifPresent(references::add);
        List<EvictAction> evict = entries(rule, "evict").stream().map(e -> evict(e, references)).toList();
        List<PutAction> put = entries(rule, "put").stream().map(p -> put(p, references)).toList();
        Double costPerCall = rule.optional("costPerCall", Scalar::asNumber).orElse(null);
        LogSpec log = rule.map("log").map(l -> logSection.read(l, name)).orElse(null);
        if (!rule.has("cache") && !rule.has("evict") && !rule.has("put") && !rule.has("log")) {
            rule.error(rule.position(), "the rule does nothing", "add at least one of cache, evict, put and log");
        }
        if (mode == Mode.SHADOW && !rule.has("cache")) {
            rule.error(rule.valuePosition("mode"), "'mode: shadow' needs a 'cache' to look up",
                    "add a cache section, or remove mode: shadow");
        }
        rule.finish();
        CacheAction action = cache.map(RuleCacheSection.Result::action).orElse(null);
        CacheSpec privateCache = cache.map(RuleCacheSection.Result::privateCache).orElse(null);
        return new Result(new Rule(name, enabled, mode, match, action, evict, put, costPerCall, log, rule.position()),
                privateCache, references);
    }

    /** The entries of {@code evict:} or {@code put:}; an empty list is a mistake worth reporting. */
    private static List<YamlMap> entries(YamlMap rule, String key) {
        if (rule.node(key).filter(YamlTree::isEmptyList).isPresent()) {
            rule.error(rule.valuePosition(key), "'" + key + "' is empty", "list at least one entry, or remove it");
        }
        return rule.maps(key).orElse(List.of());
    }

    private Match match(YamlMap match) {
        List<String> given = TYPE_KEYS.stream().filter(match::has).toList();
        if (given.isEmpty()) {
            match.error(match.position(), "'match' names no type", "add one of type: com.example.Service,"
                    + " glob: com.example.**.*Service or subtypeOf: com.example.Source");
        } else if (given.size() > 1) {
            match.error(match.keyPosition(given.get(1)), "'match' has both " + given.get(0) + " and " + given.get(1),
                    "keep exactly one of type, glob and subtypeOf");
        }
        Optional<TypePattern> type = match.optional("type", Names::type).map(TypePattern.Exact::new);
        Optional<TypePattern> glob = match.optional("glob", Names::typeGlob).map(TypePattern.Glob::new);
        Optional<TypePattern> subtypeOf = match.optional("subtypeOf", Names::type).map(TypePattern.SubtypeOf::new);
        String method = match.required("method", Names::method, "getStylePrompt").orElse(null);
        List<String> params = match.list("params", Names::parameterType).orElse(null);
        match.finish();
        return new Match(type.or(() -> glob).or(() -> subtypeOf).orElse(null), method, params);
    }

    private static EvictAction evict(YamlMap evict, List<CacheReference> references) {
        String cache = cacheName(evict, references);
        List<String> given = EVICT_TARGETS.stream().filter(evict::has).toList();
        Optional<Target> key = evict.optional("key", Scalar::asExpression).map(Target.Key::new);
        Optional<Target> pattern = evict.optional("pattern", Scalar::asExpression).map(Target.Pattern::new);
        Optional<Target> all = evict.optional("all", RuleSection::allTrue).map(a -> new Target.All());
        if (given.isEmpty()) {
            evict.error(evict.position(), "'" + evict.path() + "' says nothing to evict",
                    "add one of key: <expression>, pattern: <expression> or all: true");
        } else if (given.size() > 1) {
            evict.error(evict.keyPosition(given.get(1)), "'" + evict.path(given.get(1)) + "' cannot be combined with "
                    + given.get(0), "give exactly one of key, pattern and all: true");
        }
        When when = evict.get("when", Scalar.choice(When.class), When.AFTER);
        evict.finish();
        return new EvictAction(cache, key.or(() -> pattern).or(() -> all).orElse(null), when, evict.position());
    }

    private static Boolean allTrue(Scalar scalar) throws InvalidValue {
        if (!scalar.asBoolean()) {
            throw new InvalidValue("can only be true", "write all: true, or give key or pattern instead");
        }
        return true;
    }

    private static PutAction put(YamlMap put, List<CacheReference> references) {
        String cache = cacheName(put, references);
        ExpressionText key = put.required("key", Scalar::asExpression, "\"#id\"").orElse(null);
        ExpressionText value = put.required("value", Scalar::asExpression, "\"#result\"").orElse(null);
        put.finish();
        return new PutAction(cache, key, value, put.position());
    }

    private static String cacheName(YamlMap action, List<CacheReference> references) {
        String cache = action.required("cache", Names::name, "scenes").orElse(null);
        if (cache != null) {
            references.add(CacheReference.to(action, "cache", cache));
        }
        return cache;
    }
}
