package dev.cacheagent.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The suite never rots: every benchmark in the shaded jar runs once, briefly ({@code -f 1 -wi 0 -i 1 -r 100ms}),
 * through {@code java -jar benchmarks.jar} as BENCHMARKS.md runs it, and reports a score. It checks that each
 * benchmark runs, including the setup checks that the agent caches what it should, not how fast it is.
 */
class EveryBenchmarkRunsIT {
    private static final Path JAR = Path.of(System.getProperty("benchmarks.jar", "target/benchmarks.jar"));
    private static final Path OUTPUT = JAR.resolveSibling("smoke");

    @Test
    void benchmarkList_hasTheAgentPathsAndEveryBaseline() throws Exception {
        assertThat(listedBenchmarks()).contains(
                "dev.cacheagent.benchmarks.WithAgent.hit",
                "dev.cacheagent.benchmarks.WithAgent.missNeverStored",
                "dev.cacheagent.benchmarks.WithAgent.ruleSwitchedOff",
                "dev.cacheagent.benchmarks.WithAgent.ruleSwitchedOffAtRunTime",
                "dev.cacheagent.benchmarks.RedisTiers.hitTwoLevelLocalCopy",
                "dev.cacheagent.benchmarks.RedisTiers.hitRedis",
                "dev.cacheagent.benchmarks.RedisTiers.jedisGet",
                "dev.cacheagent.benchmarks.WithAgent.methodWithoutRule",
                "dev.cacheagent.benchmarks.WithoutAgent.hit",
                "dev.cacheagent.benchmarks.ContendedWithAgent.missSingleFlight",
                "dev.cacheagent.benchmarks.HandWrittenCaches.caffeine",
                "dev.cacheagent.benchmarks.HandWrittenCaches.concurrentHashMap",
                "dev.cacheagent.benchmarks.SpringCacheable.defaultKey",
                "dev.cacheagent.benchmarks.SpringCacheable.expressionKey",
                "dev.cacheagent.benchmarks.JetCacheCached.defaultKey",
                "dev.cacheagent.benchmarks.JetCacheCached.expressionKey");
    }

    @Test
    void everyListedBenchmark_runsAndReportsAScore() throws Exception {
        Files.createDirectories(OUTPUT);
        Path results = OUTPUT.resolve("results.json");
        Files.deleteIfExists(results);
        Path console = OUTPUT.resolve("console.txt");

        List<String> options = new ArrayList<>(List.of("-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-foe", "true",
                "-rf", "json", "-rff", results.toString()));
        List<String> expected = new ArrayList<>(listedBenchmarks());
        if (!redisIsUp()) {
            // The Redis-tier benchmarks need a Redis; without one they are left out, and only they.
            options.addAll(List.of("-e", "RedisTiers"));
            expected.removeIf(name -> name.contains(".RedisTiers."));
        }

        int status = java(console, options.toArray(String[]::new));

        assertThat(status).as("exit status of the smoke run; its console:\n%s", tail(console)).isZero();
        List<String> scored = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(results.toFile())) {
            if (result.path("primaryMetric").path("score").asDouble() > 0) {
                scored.add(result.get("benchmark").asText());
            }
        }
        assertThat(scored).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Whether the Redis of the Redis-tier benchmarks (REDIS_URL, default 127.0.0.1:6379) takes connections. */
    private static boolean redisIsUp() {
        URI redis = URI.create(Objects.requireNonNullElse(System.getenv("REDIS_URL"), "redis://127.0.0.1:6379"));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> listedBenchmarks() throws IOException, InterruptedException {
        Files.createDirectories(OUTPUT);
        Path list = OUTPUT.resolve("list.txt");
        assertThat(java(list, "-l")).as("exit status of -l").isZero();
        return Files.readAllLines(list).stream().filter(line -> line.startsWith("dev.cacheagent.")).toList();
    }

    private static int java(Path output, String... jmhOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(jmhOptions));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar benchmarks.jar " + String.join(" ", jmhOptions)
                    + " ran over 5 minutes; its console:\n" + tail(output));
        }
        return process.exitValue();
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
