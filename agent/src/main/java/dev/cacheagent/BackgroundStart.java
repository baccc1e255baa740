package dev.cacheagent;

import dev.cacheagent.config.Environment;
import dev.cacheagent.config.RuleFileText;
import dev.cacheagent.instrumentation.StartGate;
import dev.cacheagent.matching.TypeScreen;
import dev.cacheagent.observe.Event;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The agent's start on a thread of its own ({@code cache-agent-start}) while the application starts:
 * parsing the rule file, the event log, the caches and the transformer take a few hundred milliseconds
 * of a cold JVM, which the application's {@code main} does not wait for. A {@link StartGate}, installed
 * before this thread runs, holds back the classes the file's rules may select until the rules are in
 * force (or the file turns out bad, and they load untouched); the thread then starts the agent's services.
 */
final class BackgroundStart implements Runnable {
    /** How long the JVM's exit waits for a start still in progress, so that even a short run gets its events. */
    private static final long EXIT_WAIT_MS = 2_000;

    private final RuleFileText text;
    private final String location;
    private final Environment env;
    private final Instrumentation instrumentation;
    private final CountDownLatch done = new CountDownLatch(1);
    /** Set before the thread starts. */
    private StartGate gate;
    private volatile AgentMain.Started started;

    private BackgroundStart(RuleFileText text, String location, Environment env, Instrumentation instrumentation) {
        this.text = text;
        this.location = location;
        this.env = env;
        this.instrumentation = instrumentation;
    }

    /** Installs the gate and starts the thread; returns at once. */
    static void begin(RuleFileText text, String location, Environment env, Instrumentation instrumentation) {
        BackgroundStart start = new BackgroundStart(text, location, env, instrumentation);
        Thread thread = new Thread(start, "cache-agent-start");
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        start.gate = StartGate.install(instrumentation, TypeScreen.of(text.selectableTypes(env)), thread);
        Runtime.getRuntime().addShutdownHook(new Thread(start::closeAtExit, "cache-agent-shutdown"));
        thread.start();
    }

    @Override
    public void run() {
        AgentMain.Started outcome;
        try {
            outcome = AgentMain.start(text, location, env, instrumentation, false, gate);
            started = outcome;
        } catch (RuntimeException | LinkageError e) {
            outcome = null;
            reportFailure(e);
        } finally {
            // Open when the rules are in force; otherwise the waiting classes load untouched.
            gate.close();
            done.countDown();
        }
        if (outcome != null && outcome.running() instanceof Agent agent) {
            agent.startServices();
        }
    }

    /** A fault of the agent's own: the application runs without it, as when the core fails to load. */
    private static void reportFailure(Throwable fault) {
        AgentMain.reportToStderr(Event.builder("agent_failed")
                .reason("the agent could not start; the application runs without it")
                .error(fault)
                .build());
    }

    private void closeAtExit() {
        try {
            done.await(EXIT_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        AgentMain.Started outcome = started;
        if (outcome != null && outcome.running() != null) {
            outcome.close();
        }
    }
}
