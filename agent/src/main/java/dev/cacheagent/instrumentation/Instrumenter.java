package dev.cacheagent.instrumentation;

import dev.cacheagent.config.Rule;
import dev.cacheagent.matching.MethodView;
import dev.cacheagent.matching.RuleMatcher;
import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import dev.cacheagent.runtime.Binding;
import dev.cacheagent.runtime.CacheRuntime;
import dev.cacheagent.runtime.MethodInfo;
import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installs the agent's class file transformer: every class a rule selects, loaded now or later, gets
 * the bridge calls of {@link SiteRewriter} written into each method a rule binds. Classes no rule names
 * are not transformed.
 *
 * <p>The transformer is installed once. A reload swaps the rules and runtime it works with and
 * retransforms only the loaded classes whose instrumented methods change (see {@link #prepare}).
 */
public final class Instrumenter {
    private final EventLog events;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    /** The rules and runtime the transformer applies now; read once per transformation. */
    private volatile Plan plan;
    private Instrumentation instrumentation;
    private RuleTransformer transformer;

    /** What the transformer applies: the rules (as a matcher) and the runtime that binds them. */
    record Plan(RuleMatcher matcher, CacheRuntime runtime) {}

    public Instrumenter(List<Rule> rules, CacheRuntime runtime, EventLog events) {
        this.plan = new Plan(RuleMatcher.of(rules), runtime);
        this.events = events;
    }

    /**
     * Installs the transformer and retransforms the matching classes that are already loaded (at start
     * usually none; after a dynamic attach, the application's). Classes are picked by name and loaded
     * supertypes first, so no class file is parsed before a class that a rule selects appears.
     */
    public void install(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
        transformer = new RuleTransformer(this);
        instrumentation.addTransformer(transformer, true);
        retransformSelectedLoadedClasses();
    }

    /**
     * Puts the rules in force through the gate installed in {@code premain}: the classes waiting at it, and
     * every class from now on, are transformed for these rules. The loaded classes are passed over only when
     * a class the rules may select loaded before (see {@link StartGate#MAX_WAIT_MS}).
     */
    public void install(Instrumentation instrumentation, StartGate gate) {
        this.instrumentation = instrumentation;
        transformer = new RuleTransformer(this);
        if (gate.open(transformer)) {
            retransformSelectedLoadedClasses();
        }
    }

    private void retransformSelectedLoadedClasses() {
        Plan current = plan;
        if (current.matcher().isEmpty()) {
            return;
        }
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (LoadedClasses.selects(instrumentation, type, current)) {
                retransform(type, "could not instrument this class; it runs without the agent");
            }
        }
    }

    /**
     * Loads and warms up what rewriting a class needs, on the calling thread (a background one), so that
     * the first class a rule selects is not rewritten cold on the application's thread. Does nothing when
     * no rule is on. A failure here only means the first rewrite pays for it: it is not reported.
     */
    public void warmUp() {
        if (transformer == null || plan.matcher().isEmpty()) {
            return;
        }
        try {
            transformer.warmUp();
        } catch (RuntimeException | LinkageError e) {
            // The same work happens again, and is reported if it fails, when a selected class loads.
        }
    }

    /**
     * Prepares the switch to the rules of a reloaded rule file: binds {@code next}'s sites for the
     * methods of loaded classes (the same site numbers where the same rules apply, see
     * {@link CacheRuntime#reloaded}), and finds the loaded classes whose instrumented methods change.
     * Nothing changes for the application until {@link Reinstrumentation#useNewRules()}.
     */
    public Reinstrumentation prepare(List<Rule> rules, CacheRuntime next) {
        Plan before = plan;
        Plan after = new Plan(RuleMatcher.of(rules), next);
        LoadedClasses loaded = new LoadedClasses(instrumentation);
        List<Class<?>> affected = loaded.whoseSitesChange(before, after, this::report);
        return new Reinstrumentation(this, after, affected);
    }

    void use(Plan next) {
        plan = next;
    }

    /** The rules and runtime in force, for one transformation. */
    Plan plan() {
        return plan;
    }

    /** Retransforms a class for the reloaded rules; one that fails keeps running as it was, and is reported. */
    void retransform(Class<?> type) {
        retransform(type, "could not retransform this class for the reloaded rules; it keeps its previous"
                + " instrumentation until the application restarts");
    }

    private void retransform(Class<?> type, String failure) {
        try {
            instrumentation.retransformClasses(type);
        } catch (Throwable e) {
            if (reported.add("retransform_error|" + type.getName())) {
                events.emit(Event.builder("rule_error").method(type.getName()).reason(failure).error(e).build());
            }
        }
    }

    /** A class the transformer could not rewrite runs unchanged; the failure is reported once. */
    void reportTransformError(String typeName, Throwable error) {
        if (reported.add("transform_error|" + typeName)) {
            events.emit(Event.builder("rule_error")
                    .method(typeName)
                    .reason("could not instrument this class; it runs without the agent")
                    .error(error)
                    .build());
        }
    }

    /**
     * Binds the methods of {@code type} that the plan's rules select, reporting each outcome once, and
     * returns their site numbers by name and descriptor: what {@link SiteRewriter} writes into them. Empty when
     * no rule binds a method of the type.
     */
    Map<String, Integer> bind(Plan plan, ClassFileType type, ClassLoader loader) {
        // An anonymous class rather than a method reference: linking a lambda generates classes, while the
        // application starts.
        return sites(type, loader, plan, true, new Reporter() {
            @Override
            public void report(Binding binding, List<Rule> rules, MethodInfo method) {
                Instrumenter.this.report(binding, rules, method);
            }
        });
    }

    private void report(Binding binding, List<Rule> rules, MethodInfo info) {
        if (binding instanceof Binding.Bound) {
            reportOnce("rule_applied", rules, info, null);
        } else if (binding instanceof Binding.Rejected rejected) {
            reportOnce("rule_error", rules.stream().filter(r -> r.name().equals(rejected.rule())).toList(), info,
                    rejected.reason());
        }
    }

    /** One event per rule and method, however many class loaders load the class or retransform it. */
    private void reportOnce(String event, List<Rule> rules, MethodInfo method, String reason) {
        for (Rule rule : rules) {
            if (reported.add(event + '|' + rule.name() + '|' + method.displayName() + parameterTypes(method) + '|'
                    + reason)) {
                events.emit(Event.builder(event)
                        .rule(rule.name())
                        .cache(rule.cache() == null ? null : rule.cache().cache())
                        .method(method.displayName())
                        .reason(reason)
                        .attribute("costPerCall", rule.costPerCall())
                        .build());
            }
        }
    }

    /** {@code (java.lang.String,int)}: built by hand, as a record's own {@code toString} is linked by generating classes. */
    private static String parameterTypes(MethodInfo method) {
        StringBuilder types = new StringBuilder("(");
        for (MethodInfo.Parameter parameter : method.parameters()) {
            types.append(types.length() > 1 ? "," : "").append(parameter.type());
        }
        return types.append(')').toString();
    }

    /** Site numbers of a type's methods, by method (name and descriptor); {@code null} where not instrumented. */
    static Map<String, Integer> sites(ClassFileType type, ClassLoader loader, Plan plan, boolean bind,
            Reporter reporter) {
        Map<String, Integer> sites = new HashMap<>();
        List<Rule> typeRules = plan.matcher().rulesFor(Descriptions.typeView(type));
        if (typeRules.isEmpty()) {
            return sites;
        }
        for (ClassFileMethod method : type.methods()) {
            List<Rule> rules = RuleMatcher.rulesFor(typeRules, Descriptions.methodView(method));
            if (rules.isEmpty()) {
                continue;
            }
            MethodInfo info = Descriptions.methodInfo(type, method, rules);
            Integer site;
            if (bind) {
                Binding binding = plan.runtime().bind(rules, info, loader);
                reporter.report(binding, rules, info);
                site = binding instanceof Binding.Bound bound ? bound.site() : null;
            } else {
                site = plan.runtime().boundSite(rules, info);
            }
            if (site != null) {
                sites.put(method.name() + method.descriptor(), site);
            }
        }
        return sites;
    }

    /** Where {@link #sites} reports the outcome of a binding it made. */
    @FunctionalInterface
    interface Reporter {
        void report(Binding binding, List<Rule> rules, MethodInfo method);
    }
}
