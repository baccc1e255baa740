package dev.cacheagent;

import dev.cacheagent.config.AgentArguments;
import dev.cacheagent.config.ConfigError;
import dev.cacheagent.config.ConfigException;
import dev.cacheagent.config.Environment;
import dev.cacheagent.config.LogSettings;
import dev.cacheagent.config.RuleFile;
import dev.cacheagent.config.RuleFileLoader;
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
            reportConfigError(Event.builder("config_error")
                    .reason("no rule file given: pass it as -javaagent:cache-agent.jar=rules.yaml, as the system "
                            + "property cacheagent.config, or as the environment variable CACHE_AGENT_CONFIG")
                    .build());
            return null;
        }
        RuleFile config;
        try {
            config = RuleFileLoader.load(Path.of(location.get()), env);
        } catch (ConfigException e) {
            List<ConfigError> errors = e.errors();
            reportConfigError(Event.builder("config_error")
                    .reason(errors.get(0).message())
                    .attribute("file", location.get())
                    .attribute("errors", errors.stream().map(ConfigError::message).toList())
                    .build());
            return e.failFast() ? CONFIG_ERROR_STATUS : null;
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
            Runtime.getRuntime().addShutdownHook(new Thread(events::close, "cache-agent-shutdown"));
            return null;
        }
        Agent agent = Agent.start(Path.of(location.get()), location.get(), env, events, config, instrumentation);
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "cache-agent-shutdown"));
        return null;
    }

    /** Before a rule file is read, events go to stderr as JSON: the only channel that is sure to exist. */
    private static void reportConfigError(Event event) {
        try (EventLog log = AsyncEventLog.open(LogSettings.defaults())) {
            log.emit(event);
        }
    }
}
