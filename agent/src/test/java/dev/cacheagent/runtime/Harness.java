package dev.cacheagent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.bootstrap.Dispatcher;
import dev.cacheagent.bootstrap.Hit;
import dev.cacheagent.cache.FakeClock;
import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.Rule;
import dev.cacheagent.config.RuleFile;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A runtime over a rule file, with a fake clock and a recording event log, and calls made exactly as
 * the methods the instrumentation rewrites make them.
 */
final class Harness {
    static final Duration TTL = Duration.ofMinutes(10);

    /** The original method's body. */
    @FunctionalInterface
    interface Body {
        Object run() throws Throwable;
    }

    final FakeClock clock = new FakeClock();
    final RecordingEventLog events = new RecordingEventLog();
    final RuleFile file;
    final CacheRuntime runtime;

    Harness(List<CacheSpec> caches, Rule... rules) {
        this.file = TestRules.file(caches, rules);
        this.runtime = new CacheRuntime(file, events, clock, new Random(1));
    }

    /** Rules over the caches {@code prompts}, {@code scenes} and {@code projects} (ttl 10 min, 100 entries). */
    static Harness of(Rule... rules) {
        return new Harness(List.of(TestRules.localCache("prompts", TTL, 100), TestRules.localCache("scenes", TTL, 100),
                TestRules.localCache("projects", TTL, 100)), rules);
    }

    /** Binds the method to the named rules (in file order) and expects it to be instrumented. */
    int bind(MethodInfo method, String... ruleNames) {
        Binding binding = runtime.bind(rules(ruleNames), method);
        assertThat(binding).isInstanceOf(Binding.Bound.class);
        return ((Binding.Bound) binding).site();
    }

    Binding tryBind(MethodInfo method, String... ruleNames) {
        return runtime.bind(rules(ruleNames), method);
    }

    private List<Rule> rules(String... names) {
        return file.rules().stream().filter(r -> Arrays.asList(names).contains(r.name())).toList();
    }

    Object call(int site, Body body, Object... args) throws Throwable {
        return callOn(runtime, site, null, body, args);
    }

    /**
     * What a rewritten method does around its original body (see {@code Bridge}): up to three arguments passed one by one,
     * more in an array.
     */
    static Object callOn(Dispatcher dispatcher, int site, Object receiver, Body body, Object... args) throws Throwable {
        Object context = enter(dispatcher, site, receiver, args);
        if (context == null) {
            return body.run();
        }
        if (context instanceof Hit hit) {
            return hit.value();
        }
        Object returned = null;
        Throwable thrown = null;
        try {
            returned = body.run();
        } catch (Throwable t) {
            thrown = t;
        }
        Object outcome = dispatcher.exit(site, context, returned, thrown);
        if (thrown == null) {
            return outcome;
        }
        if (outcome instanceof Hit hit) {
            return hit.value();
        }
        throw thrown;
    }

    /** The rewritten method's entry: {@code Dispatcher.enter} one by one for up to three arguments, else with the array. */
    static Object enter(Dispatcher dispatcher, int site, Object receiver, Object... args) {
        return switch (args.length) {
            case 0 -> dispatcher.enter(site, receiver, null, null, null);
            case 1 -> dispatcher.enter(site, receiver, args[0], null, null);
            case 2 -> dispatcher.enter(site, receiver, args[0], args[1], null);
            case 3 -> dispatcher.enter(site, receiver, args[0], args[1], args[2]);
            default -> dispatcher.enter(site, receiver, args);
        };
    }
}
