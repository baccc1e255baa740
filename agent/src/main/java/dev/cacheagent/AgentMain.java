package dev.cacheagent;

import dev.cacheagent.config.AgentArguments;
import dev.cacheagent.config.ConfigError;
import dev.cacheagent.config.ConfigException;
import dev.cacheagent.config.Environment;
import dev.cacheagent.config.LogSettings;
import dev.cacheagent.config.RuleFile;
import dev.cacheagent.config.RuleFileText;
import dev.cacheagent.instrumentation.StartGate;
import dev.cacheagent.observe.AsyncEventLog;
import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The composition root: reads the rule file, starts the event log, installs the runtime on the
 * bridge and the transformer on the JVM. Called by the launcher inside the agent's class loader.
 *
 * <p>At {@code -javaagent} start, {@code premain} only reads the file's text and installs a
 * {@link StartGate}; parsing it, the event log, the caches and the transformer start on a thread of the
 * agent while the application starts, and only a class that a rule may select waits for them. A file that
 * may ask for {@code onConfigError: fail}, and a dynamic attach, start entirely before returning.
 */
public final class AgentMain {
    /** The exit status of {@code agent.onConfigError: fail} (EX_CONFIG). */
    static final int CONFIG_ERROR_STATUS = 78;

    private AgentMain() {}

    /**
     * Starts the agent. Never throws into the application: a problem is reported as an event and the
     * application runs untouched.
     *
     * @return {@code 78} when the JVM must exit because of {@code onConfigError: fail}; else {@code null}
     */
    public static Object start(String agentArgs, Instrumentation instrumentation, boolean attached, Path agentJar) {
        Environment env = Environment.system();
        Optional<String> location = AgentArguments.configLocation(agentArgs, env);
        if (location.isEmpty()) {
            reportToStderr(Event.builder("config_error")
                    .reason("no rule file given: pass it as -javaagent:cache-agent.jar=rules.yaml, as the system "
                            + "property cacheagent.config, or as the environment variable CACHE_AGENT_CONFIG")
                    .build());
            return null;
        }
        RuleFileText text;
        try {
            text = RuleFileText.read(Path.of(location.get()));
        } catch (ConfigException e) {
            return reportConfigError(e, location.get());
        }
        if (attached || text.mayFailFast()) {
            Started started = start(text, location.get(), env, instrumentation, attached, null);
            if (started.running() != null) {
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "cache-agent-shutdown"));
            }
            return started.exitStatus();
        }
        BackgroundStart.begin(text, location.get(), env, instrumentation);
        return null;
    }

    /**
     * Parses the rule file and starts what it asks for: the event log, then (unless the agent is disabled
     * for good) the agent, whose rules go in force through {@code gate} when there is one.
     */
    static Started start(RuleFileText text, String location, Environment env, Instrumentation instrumentation,
            boolean attached, StartGate gate) {
        RuleFile config;
        try {
            config = text.parse(env);
        } catch (ConfigException e) {
            return new Started(null, reportConfigError(e, location));
        }
        AsyncEventLog events = AsyncEventLog.open(config.agent().log());
        events.emit(Event.builder("agent_started")
                .attribute("version", AgentMain.class.getPackage().getImplementationVersion())
                .attribute("java", System.getProperty("java.version"))
                .attribute("attached", attached)
                .build());
        if (!config.agent().enabled() && !config.agent().reload()) {
            events.emit(Event.builder("config_loaded")
                    .attribute("file", config.source())
                    .reason("agent.enabled is false: nothing is instrumented")
                    .build());
            return new Started(events, null);
        }
        Path file = Path.of(location);
        Agent agent = gate == null
                ? Agent.start(file, location, env, events, config, instrumentation)
                : Agent.startThroughGate(file, location, env, events, config, instrumentation, gate);
        return new Started(agent, null);
    }

    /**
     * What a start left running, to close when the JVM exits ({@code null}: nothing), and the status the
     * JVM must exit with before {@code main} ({@code null}: none).
     */
    record Started(AutoCloseable running, Integer exitStatus) {
        void close() {
            try {
                running.close();
            } catch (Exception e) {
                // The JVM is exiting: there is no one left to tell.
            }
        }
    }

    private static Integer reportConfigError(ConfigException e, String location) {
        List<ConfigError> errors = e.errors();
        reportToStderr(Event.builder("config_error")
                .reason(errors.get(0).message())
                .attribute("file", location)
                .attribute("errors", errors.stream().map(ConfigError::message).toList())
                .build());
        return e.failFast() ? CONFIG_ERROR_STATUS : null;
    }

    /**
     * An event for when the rule file's event log is not running (before the file is read, or when the start
     * failed): to stderr as JSON, the only channel that is sure to exist.
     */
    static void reportToStderr(Event event) {
        try (EventLog log = AsyncEventLog.open(LogSettings.defaults())) {
            log.emit(event);
        }
    }
}
