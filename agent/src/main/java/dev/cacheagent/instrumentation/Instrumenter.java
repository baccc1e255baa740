package dev.cacheagent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.is;

import dev.cacheagent.config.Rule;
import dev.cacheagent.matching.MethodView;
import dev.cacheagent.matching.RuleMatcher;
import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import dev.cacheagent.runtime.Binding;
import dev.cacheagent.runtime.CacheRuntime;
import dev.cacheagent.runtime.MethodInfo;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the agent's class file transformer: every class a rule selects, loaded now or later,
 * gets advice inlined into each matched method. Classes no rule names are not transformed.
 */
public final class Instrumenter {
    private final RuleMatcher matcher;
    private final CacheRuntime runtime;
    private final EventLog events;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public Instrumenter(List<Rule> rules, CacheRuntime runtime, EventLog events) {
        this.matcher = RuleMatcher.of(rules);
        this.runtime = runtime;
        this.events = events;
    }

    /** Installs the transformer and retransforms the matching classes that are already loaded. */
    public ResettableClassFileTransformer install(Instrumentation instrumentation) {
        return new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.PoolStrategy.Default.EXTENDED)
                // Descriptions come from class files, lazily: a type is parsed only once its name matched
                // a rule, and the parse includes local-variable tables, where parameter names live.
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new FailureListener())
                .ignore(IgnoredTypes.matcher())
                .type(new SelectedTypes())
                .transform(this::transform)
                .installOn(instrumentation);
    }

    private DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
            ClassLoader loader, JavaModule module, ProtectionDomain domain) {
        List<Rule> typeRules = matcher.rulesFor(Descriptions.typeView(type));
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            MethodView view = Descriptions.methodView(method);
            List<Rule> rules = RuleMatcher.rulesFor(typeRules, view);
            if (rules.isEmpty()) {
                continue;
            }
            MethodInfo info = Descriptions.methodInfo(type, method);
            Binding binding = runtime.bind(rules, info, loader);
            if (binding instanceof Binding.Bound bound) {
                Class<?> advice = method.getReturnType().represents(void.class) ? VoidAdvice.class : ValueAdvice.class;
                builder = builder.visit(Advice.withCustomMapping()
                        .bind(SiteId.class, bound.site())
                        .to(advice)
                        .on(is(method)));
                reportOnce("rule_applied", rules, info, null);
            } else if (binding instanceof Binding.Rejected rejected) {
                reportOnce("rule_error", rules.stream().filter(r -> r.name().equals(rejected.rule())).toList(), info,
                        rejected.reason());
            }
        }
        return builder;
    }

    /** One event per rule and method, however many class loaders load the class or retransform it. */
    private void reportOnce(String event, List<Rule> rules, MethodInfo method, String reason) {
        for (Rule rule : rules) {
            if (reported.add(event + '|' + rule.name() + '|' + method.declaringType() + '#' + method.name()
                    + method.parameters())) {
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

    /** Name first: only types that a rule can select have their methods read. */
    private final class SelectedTypes implements ElementMatcher<TypeDescription> {
        @Override
        public boolean matches(TypeDescription type) {
            return matcher.mayMatch(type.getName()) && !matcher.rulesFor(Descriptions.typeView(type)).isEmpty();
        }
    }

    /** A class the transformer could not rewrite runs unchanged; the failure is reported once. */
    private final class FailureListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            if (reported.add("transform_error|" + typeName)) {
                events.emit(Event.builder("rule_error")
                        .method(typeName)
                        .reason("could not instrument this class; it runs without the agent")
                        .error(error)
                        .build());
            }
        }
    }
}
