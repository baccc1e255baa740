package dev.cacheagent;

import dev.cacheagent.admin.AdminServer;
import dev.cacheagent.admin.AgentControl;
import dev.cacheagent.admin.AgentMBeans;
import dev.cacheagent.admin.AgentStatus;
import dev.cacheagent.admin.ReloadResult;
import dev.cacheagent.bootstrap.Bridge;
import dev.cacheagent.cache.Clock;
import dev.cacheagent.cache.SharedTiers;
import dev.cacheagent.config.AgentSettings;
import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.ConfigError;
import dev.cacheagent.config.ConfigException;
import dev.cacheagent.config.Environment;
import dev.cacheagent.config.RedisSettings;
import dev.cacheagent.config.Rule;
import dev.cacheagent.config.RuleFile;
import dev.cacheagent.config.RuleFileLoader;
import dev.cacheagent.expression.Expression;
import dev.cacheagent.instrumentation.Instrumenter;
import dev.cacheagent.instrumentation.Reinstrumentation;
import dev.cacheagent.instrumentation.StartGate;
import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import dev.cacheagent.observe.StatsReporter;
import dev.cacheagent.runtime.CacheRuntime;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import javax.management.MBeanServerFactory;

/**
 * The running agent: the rule file in force, its runtime on the bridge, the transformer that applies
 * it, and what operates it live (stats, admin API, MBeans, the rule-file watcher). A reload swaps the
 * rule file in force without a restart, or refuses it and keeps the running one.
 */
final class Agent implements AgentControl, AutoCloseable {
    private static final long JMX_CHECK_INTERVAL_MS = 1000;

    private final Path file;
    private final String fileAsGiven;
    private final Environment env;
    private final EventLog events;
    private final Instrumenter instrumenter;
    private final Instant startedAt = Instant.now();
    /** Registered in the background after start; {@code null} until then. */
    private volatile AgentMBeans mbeans;
    /** What was loaded as given; {@link #runtime} runs it with its rules off when {@code agent.enabled} is false. */
    private volatile RuleFile config;
    private volatile CacheRuntime runtime;
    private volatile Instant loadedAt = startedAt;
    private volatile int reloads;
    private volatile String lastRefusal;
    /** Created at start so that the last round at exit has it; its periodic reports start in the background. */
    private StatsReporter stats;
    private AdminServer admin;
    /** Written under this object's lock; read without it by {@link #status}, which must not wait for a reload. */
    private volatile RuleFileWatcher watcher;
    /** Set by {@link #close}: what has not started in the background by then does not start. */
    private boolean closed;

    private Agent(Path file, String fileAsGiven, Environment env, EventLog events, RuleFile config) {
        this.file = file;
        this.fileAsGiven = fileAsGiven;
        this.env = env;
        this.events = events;
        this.config = config;
        this.runtime = new CacheRuntime(inForce(config), events, Clock.system(), new Random(),
                sharedTiers(config, events));
        this.instrumenter = new Instrumenter(inForce(config).rules(), runtime, events);
        this.stats = new StatsReporter(config.agent().stats(), () -> runtime.views(), events);
    }

    /**
     * Installs the runtime and the transformer before the application's {@code main}, and starts what
     * operates the agent (stats, admin API, rule-file watcher, MBeans) right after, in the background.
     */
    static Agent start(Path file, String fileAsGiven, Environment env, EventLog events, RuleFile config,
            Instrumentation instrumentation) {
        Agent agent = startRules(file, fileAsGiven, env, events, config);
        agent.instrumenter.install(instrumentation);
        agent.startServicesInBackground();
        return agent;
    }

    /**
     * Puts the rules in force through the gate that has held back, since {@code premain}, the classes they may
     * select; called by the thread that parsed the rule file while the application started, which then goes
     * on to {@link #startServices}.
     */
    static Agent startThroughGate(Path file, String fileAsGiven, Environment env, EventLog events, RuleFile config,
            Instrumentation instrumentation, StartGate gate) {
        Agent agent = startRules(file, fileAsGiven, env, events, config);
        agent.instrumenter.install(instrumentation, gate);
        return agent;
    }

    private static Agent startRules(Path file, String fileAsGiven, Environment env, EventLog events,
            RuleFile config) {
        Agent agent = new Agent(file, fileAsGiven, env, events, config);
        Bridge.dispatcher = agent.runtime;
        events.emit(Event.builder("config_loaded")
                .attribute("file", config.source())
                .attribute("rules", config.rules().size())
                .attribute("caches", config.caches().size())
                .reason(config.agent().enabled() ? null
                        : "agent.enabled is false: nothing is instrumented until a reload turns it on")
                .build());
        return agent;
    }

    /**
     * Redis for the caches of tier redis and two-level, connecting in the background so that a Redis
     * that is down never delays the application; {@code null} when no cache needs it. Opened once: a
     * reload keeps the connection (a changed {@code redis} section takes effect at the next start).
     */
    private static SharedTiers sharedTiers(RuleFile config, EventLog events) {
        boolean needed = config.caches().values().stream().anyMatch(spec -> spec.tier() != CacheSpec.Tier.LOCAL);
        return needed && config.redis() != null ? SharedTiers.open(config.redis(), events, Clock.system()) : null;
    }

    /** A rule file with {@code agent.enabled: false} runs with every rule off. */
    private static RuleFile inForce(RuleFile config) {
        if (config.agent().enabled()) {
            return config;
        }
        return new RuleFile(config.source(), config.version(), config.agent(), config.redis(), config.caches(),
                config.rules().stream().map(Agent::off).toList());
    }

    private static Rule off(Rule rule) {
        return new Rule(rule.name(), false, rule.mode(), rule.match(), rule.cache(), rule.evict(), rule.put(),
                rule.costPerCall(), rule.log(), rule.position());
    }

    @Override
    public CacheRuntime runtime() {
        return runtime;
    }

    @Override
    public AgentStatus status() {
        return new AgentStatus(fileAsGiven, startedAt, loadedAt, reloads, lastRefusal, watcher != null);
    }

    @Override
    public synchronized ReloadResult reload(String trigger) {
        RuleFile next;
        try {
            next = RuleFileLoader.load(file, env);
        } catch (ConfigException e) {
            List<String> errors = e.errors().stream().map(ConfigError::message).toList();
            lastRefusal = errors.get(0);
            events.emit(Event.builder("config_error")
                    .reason(errors.get(0) + " — the running configuration is kept")
                    .attribute("file", fileAsGiven)
                    .attribute("trigger", trigger)
                    .attribute("errors", errors)
                    .build());
            return new ReloadResult.Refused(errors);
        }
        RuleFile previousConfig = config;
        CacheRuntime previous = runtime;
        CacheRuntime successor;
        Reinstrumentation change;
        try {
            successor = previous.reloaded(inForce(next));
            change = instrumenter.prepare(inForce(next).rules(), successor);
        } catch (RuntimeException | LinkageError fault) {
            // Nothing is switched before this point: the running configuration is untouched.
            String reason = "cache-agent could not prepare the reloaded rule file (" + fault + ")";
            lastRefusal = reason;
            events.emit(Event.builder("config_error").reason(reason + " — the running configuration is kept")
                    .attribute("file", fileAsGiven).attribute("trigger", trigger).build());
            return new ReloadResult.Refused(List.of(reason));
        }
        change.useNewRules();
        Bridge.dispatcher = successor;
        runtime = successor;
        config = next;
        successor.adoptLateBindings(previous);
        change.retransformAffected();
        previous.retire(successor);
        loadedAt = Instant.now();
        reloads++;
        lastRefusal = null;

        List<String> kept = keptCaches(previousConfig, next);
        List<String> restartNeeded = applySettings(previousConfig.agent(), next.agent(), previousConfig.redis(),
                next.redis());
        if (mbeans != null) {
            mbeans.sync();
        }
        events.emit(Event.builder("config_reloaded")
                .attribute("file", next.source())
                .attribute("trigger", trigger)
                .attribute("rules", next.rules().size())
                .attribute("caches", next.caches().size())
                .attribute("keptCaches", kept)
                .attribute("retransformedClasses", change.affectedClasses())
                .attribute("restartNeeded", restartNeeded.isEmpty() ? null : restartNeeded)
                .reason(next.agent().enabled() ? null : "agent.enabled is false: every rule is off")
                .build());
        return new ReloadResult.Applied(next.rules().size(), next.caches().size(), kept, change.affectedClasses(),
                restartNeeded);
    }

    private static List<String> keptCaches(RuleFile before, RuleFile after) {
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, CacheSpec> cache : after.caches().entrySet()) {
            if (cache.getValue().sameSettings(before.caches().get(cache.getKey()))) {
                kept.add(cache.getKey());
            }
        }
        return kept;
    }

    /** Applies the {@code agent:} settings that can change live; names those that need a restart. */
    private List<String> applySettings(AgentSettings before, AgentSettings after, RedisSettings redisBefore,
            RedisSettings redisAfter) {
        List<String> restartNeeded = new ArrayList<>();
        if (!before.log().equals(after.log())) {
            restartNeeded.add("agent.log");
        }
        if (!Objects.equals(redisBefore, redisAfter)) {
            restartNeeded.add("redis");
        }
        if (!Objects.equals(before.admin().bind(), after.admin().bind())
                || before.admin().allowRemote() != after.admin().allowRemote()) {
            restartNeeded.add("agent.admin.bind");
        }
        if (admin != null) {
            admin.useToken(after.admin().token());
        }
        if (!before.stats().equals(after.stats())) {
            stats.close();
            startStats(after);
        }
        watch(after.reload());
        return restartNeeded;
    }

    private void startStats(AgentSettings settings) {
        stats = new StatsReporter(settings.stats(), () -> runtime.views(), events);
        stats.start();
    }

    private void startAdmin(AgentSettings settings) {
        if (settings.admin().bind() == null) {
            return;
        }
        try {
            admin = AdminServer.start(settings.admin(), this, events);
            events.emit(Event.builder("admin_started")
                    .attribute("bind", settings.admin().bind())
                    .attribute("port", admin.port())
                    .build());
        } catch (IOException | RuntimeException e) {
            events.emit(Event.builder("config_error")
                    .reason("the admin API cannot listen on " + settings.admin().bind() + " — choose a free local"
                            + " port for agent.admin.bind; the agent runs without the admin API")
                    .error(e)
                    .build());
        }
    }

    private void watch(boolean on) {
        if (on && watcher == null) {
            try {
                watcher = RuleFileWatcher.start(file, () -> reload("file"));
            } catch (IOException | RuntimeException e) {
                events.emit(Event.builder("config_error")
                        .reason("cannot watch " + fileAsGiven + " for changes; reload it with POST /reload instead")
                        .error(e)
                        .build());
            }
        } else if (!on && watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    /**
     * The application needs none of these before its {@code main}, and they load hundreds of classes
     * (the HTTP server, JMX): one daemon thread starts them, off the application's startup path. Their
     * events and failures are reported as they were when they started in {@code premain}. It first warms
     * up the rewriting of classes and the evaluation of key expressions, which the first class a rule selects
     * and the first cached call would otherwise pay for on the application's thread.
     */
    private void startServicesInBackground() {
        Thread thread = new Thread(this::startServices, "cache-agent-start");
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        thread.start();
    }

    /** Starts the services on the calling thread, a daemon of the agent's, which then waits to register the MBeans. */
    void startServices() {
        instrumenter.warmUp();
        Expression.warmUp();
        synchronized (this) {
            if (closed) {
                return;
            }
            AgentSettings settings = config.agent();
            stats.start();
            startAdmin(settings);
            watch(settings.reload());
        }
        registerMBeansOnceJmxRuns();
    }

    /**
     * Registers the MBeans as soon as the platform MBeanServer exists, checking once a second. Creating it
     * registers the JVM's own MXBeans and costs more CPU than the rest of the agent's services together, at
     * the moment the application starts; a JMX tool, an exporter or the application creates it anyway, and
     * a JMX client has nothing to connect to before it exists.
     */
    private void registerMBeansOnceJmxRuns() {
        synchronized (this) {
            while (!closed && MBeanServerFactory.findMBeanServer(null).isEmpty()) {
                try {
                    wait(JMX_CHECK_INTERVAL_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (closed) {
                return;
            }
        }
        registerMBeans();
    }

    private void registerMBeans() {
        try {
            AgentMBeans beans = new AgentMBeans(this);
            synchronized (this) {
                if (closed) {
                    return;
                }
                mbeans = beans;
                beans.sync();
            }
        } catch (RuntimeException | LinkageError e) {
            events.emit(Event.builder("config_error")
                    .reason("cannot register the dev.cacheagent MBeans; JMX shows no figures")
                    .error(e.toString())
                    .build());
        }
    }

    /** A last round of figures (so short runs report what they saved), then everything stops. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
        stats.reportNow();
        stats.close();
        if (watcher != null) {
            watcher.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (mbeans != null) {
            mbeans.close();
        }
        // Lets the writes to Redis still queued finish (briefly), so that shared entries survive a restart.
        runtime.close();
        events.close();
    }
}
