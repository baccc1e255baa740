package dev.cacheagent.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM started as a user would start it: {@code java [-javaagent:cache-agent.jar=rules] ...}.
 * Captures stdout and stderr line by line while it runs.
 */
final class ChildJvm implements AutoCloseable {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private ChildJvm(Process process) {
        this.process = process;
        this.outReader = pump(process.getInputStream(), stdout, "stdout");
        this.errReader = pump(process.getErrorStream(), stderr, "stderr");
    }

    static Builder java() {
        return new Builder(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    static Builder java(Path javaHome) {
        return new Builder(javaHome.resolve("bin").resolve("java"));
    }

    /** Waits for the process to exit and all its output to be read; fails the test if it does not. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(DEFAULT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not exit within " + DEFAULT_TIMEOUT + "\nstdout:\n"
                    + String.join("\n", stdout) + "\nstderr:\n" + String.join("\n", stderr));
        }
        outReader.join();
        errReader.join();
        return process.exitValue();
    }

    /** Waits until a stdout line matches, e.g. the READY line of {@code serve}. */
    String awaitStdout(Predicate<String> condition) throws InterruptedException {
        return awaitLine(stdout, "stdout", condition);
    }

    /** Waits until a stderr line matches, e.g. an event the agent writes there. */
    String awaitStderr(Predicate<String> condition) throws InterruptedException {
        return awaitLine(stderr, "stderr", condition);
    }

    private String awaitLine(List<String> lines, String stream, Predicate<String> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (condition.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching " + stream + " line; stdout:\n" + String.join("\n", stdout)
                + "\nstderr:\n" + String.join("\n", stderr));
    }

    /** The process id, e.g. for the Attach API. */
    long pid() {
        return process.pid();
    }

    List<String> stdout() {
        return List.copyOf(stdout);
    }

    List<String> stderr() {
        return List.copyOf(stderr);
    }

    /** Both streams, for failure messages. */
    String transcript() {
        return "stdout:\n" + String.join("\n", stdout) + "\nstderr:\n" + String.join("\n", stderr);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Thread pump(InputStream in, List<String> lines, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process went away
            }
        }, "child-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static final class Builder {
        private final Path java;
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> env = new HashMap<>();
        private final List<String> command = new ArrayList<>();

        private Builder(Path java) {
            this.java = java;
        }

        Builder agent(String agentArgs) {
            jvmArgs.add("-javaagent:" + Jars.agent() + (agentArgs == null ? "" : "=" + agentArgs));
            return this;
        }

        Builder agent(Path rules) {
            return agent(rules.toString());
        }

        Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** The test application with fast delays, so a workload finishes in seconds. */
        Builder testApp(String... args) {
            env.putIfAbsent("DB_DELAY_MS", "5");
            env.putIfAbsent("PROVIDER_DELAY_MS", "10");
            env.putIfAbsent("BUILD_DELAY_MS", "2");
            command.add("-jar");
            command.add(Jars.testApp().toString());
            command.addAll(List.of(args));
            return this;
        }

        /** {@code java -jar cache-agent.jar args…}: the agent's command line. */
        Builder agentCommand(String... args) {
            command.add("-jar");
            command.add(Jars.agent().toString());
            command.addAll(List.of(args));
            return this;
        }

        Builder mainClass(String classpath, String mainClass, String... args) {
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
            command.addAll(List.of(args));
            return this;
        }

        ChildJvm start() throws IOException {
            List<String> all = new ArrayList<>();
            all.add(java.toString());
            all.addAll(jvmArgs);
            all.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(all);
            builder.environment().keySet().removeIf(k -> k.startsWith("CACHE_AGENT") || k.startsWith("ENABLE_")
                    || k.equals("DB_URL") || k.equals("REDIS_URL"));
            builder.environment().putAll(env);
            return new ChildJvm(builder.start());
        }

        /** Starts the JVM, waits for it to exit, and returns it for inspection. */
        ChildJvm run() throws IOException, InterruptedException {
            ChildJvm jvm = start();
            jvm.awaitExit();
            return jvm;
        }
    }
}
