package dev.cacheagent.benchmarks.drivers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * test-app's {@code serve} command running in its own JVM, from its {@code READY port=} line until it is shut
 * down. Its standard error (where the agent writes its events) goes to a log file.
 */
final class TestAppProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("READY port=(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final HttpClient http;

    private TestAppProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The command line that serves test-app on a free port with the given variant. */
    static List<String> command(Path java, Path testAppJar, Variant variant) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(variant.jvmOptions());
        command.add("-jar");
        command.add(testAppJar.toString());
        command.addAll(List.of("serve", "--port", "0"));
        return command;
    }

    /**
     * Starts test-app and returns once it has printed its port.
     *
     * @throws IOException when it cannot start, exits before it is ready, or takes over a minute
     */
    static TestAppProcess start(List<String> command, Variant variant, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(variant.environment());
        Process process = builder.start();
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> readPort(process));
        try {
            return new TestAppProcess(process, ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while test-app started", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("test-app (" + variant.name() + ") did not print READY port=N within "
                    + START_TIMEOUT.toSeconds() + " s; its standard error is in " + log + ": " + tail(log), e);
        }
    }

    /** Reads standard output up to the READY line, then keeps draining it so the process never blocks on it. */
    private static int readPort(Process process) {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    Thread drain = new Thread(() -> drain(out), "test-app-stdout");
                    drain.setDaemon(true);
                    drain.start();
                    return Integer.parseInt(ready.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("test-app exited with status " + exitStatus(process) + " before it was ready");
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // test-app's output is not measured; reading it keeps the pipe from filling up
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static String exitStatus(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "(still running)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown)";
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** A GET to test-app; throws on a transport failure, returns any HTTP status. */
    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The most memory the process has had resident so far ({@code VmHWM} in /proc), in kilobytes; empty where
     * /proc is not available.
     */
    Optional<Long> peakResidentKilobytes() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * CPU time the process has used so far, all threads, in milliseconds ({@code utime + stime} of /proc, at the
     * usual 100 ticks a second); empty where /proc is not available.
     */
    Optional<Double> cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // the command name in parentheses may hold spaces: the fields after it are space-separated
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Asks test-app to stop ({@code POST /shutdown}); kills it if it has not exited 10 s later. */
    @Override
    public void close() throws InterruptedException {
        try {
            HttpRequest stop = HttpRequest.newBuilder(uri("/shutdown")).timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            http.send(stop, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // already gone, or not answering: the kill below covers both
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
