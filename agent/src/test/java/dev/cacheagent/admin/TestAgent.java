package dev.cacheagent.admin;

import dev.cacheagent.bootstrap.Hit;
import dev.cacheagent.cache.FakeClock;
import dev.cacheagent.config.ConfigError;
import dev.cacheagent.config.ConfigException;
import dev.cacheagent.config.Environment;
import dev.cacheagent.config.Rule;
import dev.cacheagent.config.RuleFile;
import dev.cacheagent.config.RuleFileLoader;
import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import dev.cacheagent.runtime.Binding;
import dev.cacheagent.runtime.CacheRuntime;
import dev.cacheagent.runtime.MethodInfo;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * An agent without instrumentation: a real runtime over a rule file given as YAML text, with methods
 * bound and called the way rewritten methods call them, and a reload that reads the text again.
 */
final class TestAgent implements AgentControl, EventLog {
    static final Environment NO_ENVIRONMENT = new Environment() {
        @Override
        public String property(String name) {
            return null;
        }

        @Override
        public String variable(String name) {
            return null;
        }
    };

    final FakeClock clock = new FakeClock();
    final List<Event> events = new CopyOnWriteArrayList<>();
    private final Instant startedAt = Instant.parse("2026-01-01T00:00:00Z");
    volatile String yaml;
    private volatile CacheRuntime runtime;
    private volatile int reloads;

    TestAgent(String yaml) throws ConfigException {
        this.yaml = yaml;
        this.runtime = new CacheRuntime(parse(yaml), this, clock, new Random(1));
    }

    private static RuleFile parse(String yaml) throws ConfigException {
        return RuleFileLoader.parse(yaml, "rules.yaml", NO_ENVIRONMENT);
    }

    /** Binds a method of one String parameter {@code name} to the named rule; returns its site. */
    int bind(String rule, String type, String parameter) {
        Rule found = runtime.config().rules().stream().filter(r -> r.name().equals(rule)).findFirst().orElseThrow();
        MethodInfo method = new MethodInfo(type, "get", List.of(new MethodInfo.Parameter(parameter,
                "java.lang.String", true)), "java.lang.String", "java.lang.String", false);
        return ((Binding.Bound) runtime.bind(List.of(found), method)).site();
    }

    /** What a rewritten method does around its original body. */
    Object call(int site, Supplier<Object> body, Object... args) {
        Object context = args.length <= 3
                ? runtime.enter(site, null, args.length > 0 ? args[0] : null, args.length > 1 ? args[1] : null,
                        args.length > 2 ? args[2] : null)
                : runtime.enter(site, null, args);
        if (context == null) {
            return body.get();
        }
        if (context instanceof Hit hit) {
            return hit.value();
        }
        Object value = body.get();
        return runtime.exit(site, context, value, null);
    }

    @Override
    public CacheRuntime runtime() {
        return runtime;
    }

    @Override
    public AgentStatus status() {
        return new AgentStatus("rules.yaml", startedAt, startedAt, reloads, null, false);
    }

    @Override
    public ReloadResult reload(String trigger) {
        try {
            RuleFile next = parse(yaml);
            runtime = runtime.reloaded(next);
            reloads++;
            return new ReloadResult.Applied(next.rules().size(), next.caches().size(), List.of(), 0, List.of());
        } catch (ConfigException e) {
            return new ReloadResult.Refused(e.errors().stream().map(ConfigError::message).toList());
        }
    }

    @Override
    public void emit(Event event) {
        events.add(event);
    }

    @Override
    public void close() {}
}
