package dev.cacheagent.runtime;

import dev.cacheagent.cache.CacheRegistry;
import dev.cacheagent.cache.CacheTier;
import dev.cacheagent.cache.Clock;
import dev.cacheagent.cache.redis.JsonRebuild;
import dev.cacheagent.cache.redis.TypeShape;
import dev.cacheagent.cache.redis.ValueType;
import dev.cacheagent.config.CacheAction;
import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.EvictAction;
import dev.cacheagent.config.ExpressionText;
import dev.cacheagent.config.PutAction;
import dev.cacheagent.config.Rule;
import dev.cacheagent.expression.ExpressionException;
import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prepares a {@link Site} for a method and the rules that matched it, once: resolves every expression
 * against the method's parameters, finds the caches, and refuses what cannot apply, saying why and
 * what to do.
 */
final class SiteBinder {
    private static final List<String> SECRET_WORDS =
            List.of("password", "secret", "token", "apikey", "authorization", "credential");

    /** A method a rule cannot apply to. */
    static final class Rejection extends Exception {
        private final String rule;

        Rejection(String rule, String reason) {
            super(reason, null, false, false);
            this.rule = rule;
        }

        String rule() {
            return rule;
        }
    }

    private final Map<String, CacheSpec> specs;
    private final CacheRegistry caches;
    private final Map<String, RuleState> rules;
    private final Breakdown breakdown;
    private final EventLog events;
    private final RuleErrors errors;
    private final Clock clock;
    private final LoaderThreads loaders;

    SiteBinder(Map<String, CacheSpec> specs, CacheRegistry caches, Map<String, RuleState> rules, Breakdown breakdown,
            EventLog events, RuleErrors errors, Clock clock, LoaderThreads loaders) {
        this.specs = specs;
        this.caches = caches;
        this.rules = rules;
        this.breakdown = breakdown;
        this.events = events;
        this.errors = errors;
        this.clock = clock;
        this.loaders = loaders;
    }

    /** @param loader the class loader of the method's class, or {@code null} */
    Site bind(List<Rule> matched, MethodInfo method, ClassLoader loader) throws Rejection {
        // Loops rather than streams on this path: it runs on the application's thread as a selected class loads,
        // and each lambda linked there for the first time is time the application waits.
        List<Rule> caching = new ArrayList<>();
        for (Rule rule : matched) {
            if (rule.cache() != null) {
                caching.add(rule);
            }
        }
        if (caching.size() > 1) {
            throw new Rejection(caching.get(1).name(), "rules '" + caching.get(0).name() + "' and '"
                    + caching.get(1).name() + "' both cache " + method.displayName()
                    + ", but only one rule with `cache` may apply to a method — narrow the `match` of one of them "
                    + "(e.g. with `params`), or merge them");
        }
        MethodContext context = new MethodContext(method, loader);
        CachingRule cachingRule = null;
        RulePlan cachingPlan = null;
        BackgroundLoads background = null;
        List<RulePlan> others = new ArrayList<>();
        for (Rule rule : matched) {
            RulePlan plan = plan(rule, context);
            if (rule.cache() != null) {
                cachingRule = cachingRule(rule, context);
                cachingPlan = plan;
                background = background(rule, context, cachingRule, plan.log());
            } else {
                others.add(plan);
            }
        }
        return new Site(method.displayName(), method.parameters().size(), context.kind, cachingRule, cachingPlan, others,
                breakdown, clock, errors, background);
    }

    /**
     * The rule's warm-up and refreshes, or {@code null} when it has neither. A warm-up argument list that
     * cannot fit the method is reported now, in a {@code rule_error}, and left out; the method is
     * instrumented all the same.
     */
    private BackgroundLoads background(Rule rule, MethodContext context, CachingRule caching, RuleLog log) {
        CacheSpec spec = specs.get(rule.cache().cache());
        boolean refreshes = spec != null && spec.refreshAhead() != null && rule.mode() == Rule.Mode.SERVE;
        List<List<Object>> lists = rule.cache().warmup();
        if (lists.isEmpty() && !refreshes) {
            return null;
        }
        Map<Integer, String> misfits = WarmupArguments.misfits(lists, context.method);
        List<List<Object>> warmup = new ArrayList<>();
        for (int i = 0; i < lists.size(); i++) {
            if (!misfits.containsKey(i)) {
                warmup.add(lists.get(i));
            }
        }
        for (String misfit : misfits.values()) {
            events.emit(Event.builder("rule_error").rule(rule.name()).cache(rule.cache().cache())
                    .method(context.name).reason(misfit + " — fix the warmup of rule '" + rule.name() + "' ("
                            + rule.position() + "); the other argument lists are warmed, and the method is cached")
                    .build());
        }
        return new BackgroundLoads(context.method, rule.name(), caching, log, errors, clock, loaders, warmup,
                refreshes);
    }

    /** What every part of the binding needs to know about the method. */
    private static final class MethodContext {
        final MethodInfo method;
        final String name;
        final List<String> parameterNames;
        final ReturnKind kind;
        final boolean hashKeys;
        final ClassLoader loader;

        MethodContext(MethodInfo method, ClassLoader loader) {
            this.loader = loader;
            this.method = method;
            this.name = method.displayName();
            List<String> names = new ArrayList<>();
            boolean secret = false;
            for (MethodInfo.Parameter parameter : method.parameters()) {
                names.add(parameter.name());
                secret |= isSecretLike(parameter.name());
            }
            this.parameterNames = Collections.unmodifiableList(names);
            this.kind = ReturnKind.of(method.returnType());
            this.hashKeys = secret;
        }
    }

    /** {@code password}, {@code apiKey}, {@code api_key}, {@code authToken}, …: values that must never be written. */
    static boolean isSecretLike(String parameterName) {
        if (parameterName == null) {
            return false;
        }
        String name = parameterName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (String word : SECRET_WORDS) {
            if (name.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private CachingRule cachingRule(Rule rule, MethodContext context) throws Rejection {
        CacheAction action = rule.cache();
        MethodInfo method = context.method;
        if (method.returnType().equals("void")) {
            throw new Rejection(rule.name(), "`cache` applies to " + context.name + ", which returns nothing (void), "
                    + "so there is no value to cache — remove `cache` from rule '" + rule.name()
                    + "' or narrow its `match` to methods that return a value");
        }
        CacheTier cache = cache(rule, action.cache(), "cache.use").forValues(valueType(rule, context));
        BoundExpression key;
        if (action.key() == null) {
            requireValueEquality(rule, context);
            key = null;
        } else {
            key = resolve(rule, context, "cache.key", action.key(), false);
        }
        BoundExpression condition = action.condition() == null ? null
                : resolve(rule, context, "cache.condition", action.condition(), false);
        BoundExpression unless = action.unless() == null ? null
                : resolve(rule, context, "cache.unless", action.unless(), true);
        CacheSpec spec = specs.get(action.cache());
        return new CachingRule(cache, key, condition, unless, action.cacheNulls(), rule.mode() == Rule.Mode.SHADOW,
                ValueCheck.forMethod(context.kind, method.returnType(), method.genericReturnType()),
                spec != null && spec.staleIfError() != null);
    }

    /** The type of the values the method caches, which shared tiers rebuild them as; checked against the codec. */
    private ValueType valueType(Rule rule, MethodContext context) throws Rejection {
        MethodInfo method = context.method;
        String name = context.kind == ReturnKind.VALUE
                ? ValueCheck.boxed(method.returnType(), method.genericReturnType())
                : ValueCheck.fullTypeArgument(method.genericReturnType());
        CacheSpec spec = specs.get(rule.cache().cache());
        if (spec != null && spec.tier() != CacheSpec.Tier.LOCAL && spec.codec() == CacheSpec.Codec.STRING
                && !name.equals("java.lang.String")) {
            throw new Rejection(rule.name(), "cache '" + spec.name() + "' has codec string, which stores String "
                    + "values only, but " + context.name + " caches " + name + " — use codec json (or java) for "
                    + "this cache, or a cache of its own");
        }
        if (spec != null && spec.tier() != CacheSpec.Tier.LOCAL && spec.codec() == CacheSpec.Codec.JSON) {
            String problem = JsonRebuild.problem(payloadShape(context));
            if (problem != null) {
                throw new Rejection(rule.name(), "cache '" + spec.name() + "' of rule '" + rule.name() + "' stores "
                        + "the values of " + context.name + " in Redis, but " + problem + "; until then "
                        + context.name + " is not cached");
            }
        }
        return new ValueType(name, context.loader);
    }

    /** The shape of what is cached: the return type, or for an Optional or a future, its type argument. */
    private static TypeShape payloadShape(MethodContext context) {
        TypeShape returned = context.method.returnShape();
        if (context.kind == ReturnKind.VALUE || returned.kind() != TypeShape.Kind.CLASS) {
            return returned;
        }
        return returned.arguments().isEmpty()
                ? new TypeShape("java.lang.Object", TypeShape.Kind.CLASS, Set.of(), Set.of(), Set.of(), Set.of(),
                        List.of())
                : returned.arguments().get(0);
    }

    private static void requireValueEquality(Rule rule, MethodContext context) throws Rejection {
        List<MethodInfo.Parameter> parameters = context.method.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            MethodInfo.Parameter parameter = parameters.get(i);
            if (!parameter.valueEquality()) {
                String named = parameter.name() == null ? "#p" + i : "'" + parameter.name() + "' (#p" + i + ")";
                throw new Rejection(rule.name(), "the default key of " + context.name + " is all its arguments, but "
                        + "parameter " + named + " is a " + parameter.type() + ", which does not define equals(), "
                        + "so no two calls would ever share an entry — give rule '" + rule.name()
                        + "' a `key` built from arguments that compare by value, e.g. key: \"#p0\" or an id of #p" + i);
            }
        }
    }

    private RulePlan plan(Rule rule, MethodContext context) throws Rejection {
        RuleState state = rules.get(rule.name());
        if (state == null) {
            throw new Rejection(rule.name(), "rule '" + rule.name()
                    + "' is not an enabled rule of the loaded rule file — reload the agent's configuration");
        }
        List<Eviction> before = new ArrayList<>();
        List<Eviction> after = new ArrayList<>();
        for (int i = 0; i < rule.evict().size(); i++) {
            EvictAction action = rule.evict().get(i);
            String role = "evict[" + i + "]";
            boolean afterCall = action.when() == EvictAction.When.AFTER;
            Eviction.Target target;
            if (action.target() instanceof EvictAction.Target.Key byKey) {
                target = new Eviction.Target.Key(resolve(rule, context, role + ".key", byKey.key(), afterCall));
            } else if (action.target() instanceof EvictAction.Target.Pattern byPattern) {
                target = new Eviction.Target.Pattern(
                        resolve(rule, context, role + ".pattern", byPattern.pattern(), afterCall));
            } else {
                target = new Eviction.Target.All();
            }
            Eviction eviction = new Eviction(cache(rule, action.cache(), role), target);
            (afterCall ? after : before).add(eviction);
        }
        List<Put> puts = new ArrayList<>();
        for (int i = 0; i < rule.put().size(); i++) {
            PutAction action = rule.put().get(i);
            String role = "put[" + i + "]";
            puts.add(new Put(cache(rule, action.cache(), role),
                    resolve(rule, context, role + ".key", action.key(), true),
                    resolve(rule, context, role + ".value", action.value(), true)));
        }
        return new RulePlan(state, log(rule, context), before, after, puts);
    }

    private RuleLog log(Rule rule, MethodContext context) throws Rejection {
        if (rule.log() == null) {
            return null;
        }
        List<RuleLog.Field> fields = new ArrayList<>();
        for (Map.Entry<String, ExpressionText> field : rule.log().fields().entrySet()) {
            fields.add(new RuleLog.Field(field.getKey(),
                    resolve(rule, context, "log.fields." + field.getKey(), field.getValue(), true)));
        }
        String cache = rule.cache() == null ? null : rule.cache().cache();
        return new RuleLog(rule.log(), rule.name(), cache, context.name, context.hashKeys, fields, events, errors);
    }

    private CacheTier cache(Rule rule, String name, String role) throws Rejection {
        CacheTier cache = caches.find(name);
        if (cache != null) {
            return cache;
        }
        CacheSpec spec = specs.get(name);
        throw new Rejection(rule.name(), spec == null
                ? role + " of rule '" + rule.name() + "' names cache '" + name + "', which the rule file does not "
                        + "declare — declare it under `caches:` or fix the name"
                : role + " of rule '" + rule.name() + "' names cache '" + name + "' of tier "
                        + spec.tier().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + ", which needs Redis — add a `redis:` section to the rule file, or use tier local");
    }

    private static BoundExpression resolve(Rule rule, MethodContext context, String role, ExpressionText text,
            boolean resultAllowed) throws Rejection {
        try {
            return BoundExpression.resolve(role, text, context.parameterNames, resultAllowed, rule.name(),
                    context.name);
        } catch (ExpressionException e) {
            throw new Rejection(rule.name(), role + " \"" + text.source() + "\" of rule '" + rule.name() + "' ("
                    + text.position() + ") cannot apply to " + context.name + ": " + e.getMessage()
                    + " — fix the expression in the rule file; until then " + context.name + " is not instrumented");
        }
    }
}
