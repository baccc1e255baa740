package dev.cacheagent.benchmarks.drivers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * test-app under a steady closed-loop load over HTTP, without the agent and with the agent and the prompt pre-warm
 * sample (its switches off, the prompt cache on, and the prompt and preview caches on): client latency
 * percentiles, throughput, database queries and provider calls per 1000 requests, and the time the agent measured
 * inside the application for calls served from the cache.
 *
 * <pre>
 * java -cp benchmarks.jar dev.cacheagent.benchmarks.drivers.EndToEndBenchmark --test-app test-app.jar
 *     --agent cache-agent.jar --rules config-samples/prompt-prewarm.yaml [--threads 8] [--seconds 30]
 *     [--warmup-seconds 10] [--seed 42] [--image-percent 0] [--out e2e.md] [--logs dir]
 * </pre>
 */
public final class EndToEndBenchmark {
    private EndToEndBenchmark() {}

    /** Runs the benchmark; exit status 2 on a bad option, 1 when test-app cannot be started. */
    public static void main(String[] args) throws Exception {
        try {
            run(Options.parse(args, Set.of("java", "test-app", "agent", "rules", "threads", "seconds",
                    "warmup-seconds", "seed", "image-percent", "out", "logs")));
        } catch (IllegalArgumentException e) {
            System.err.println("end-to-end benchmark: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("end-to-end benchmark: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Options options) throws IOException, InterruptedException {
        Path java = options.existingPath("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path testApp = options.existingPath("test-app", "test-app/target/test-app.jar");
        Path agent = options.existingPath("agent", "agent/target/cache-agent.jar").toAbsolutePath();
        Path rules = options.existingPath("rules", "config-samples/prompt-prewarm.yaml").toAbsolutePath();
        int threads = options.number("threads", 8);
        Duration measured = Duration.ofSeconds(options.number("seconds", 30));
        Duration warmUp = Duration.ofSeconds(options.number("warmup-seconds", 10));
        int seed = options.number("seed", 42);
        int imagePercent = options.percent("image-percent", 0);
        Path logs = Files.createDirectories(options.path("logs", "benchmarks/target/e2e-logs"));

        String attach = "-javaagent:" + agent + "=" + rules;
        List<Variant> variants = List.of(
                Variant.plain(),
                new Variant("agent, switches off (the sample's default)", List.of(attach), Map.of()),
                new Variant("agent, ENABLE_PROMPT_CACHE=true", List.of(attach), Map.of("ENABLE_PROMPT_CACHE", "true")),
                new Variant("agent, prompt + preview caches on", List.of(attach),
                        Map.of("ENABLE_PROMPT_CACHE", "true", "ENABLE_PREVIEW_CACHE", "true")));

        Map<Variant, LoadResult> results = new LinkedHashMap<>();
        Map<Variant, AgentEvents> events = new LinkedHashMap<>();
        for (Variant variant : variants) {
            Path log = logs.resolve(variant.name().replaceAll("[^A-Za-z0-9.-]+", "_") + ".stderr.log");
            List<String> command = TestAppProcess.command(java, testApp, variant);
            try (TestAppProcess app = TestAppProcess.start(command, variant, log)) {
                System.err.println("loading test-app (" + variant.name() + "): " + threads + " threads, "
                        + warmUp.toSeconds() + " s warm-up, " + measured.toSeconds() + " s measured");
                LoadResult result = new LoadGenerator(app, new Workload(imagePercent), threads).run(warmUp, measured, seed);
                results.put(variant, result);
                events.put(variant, AgentEvents.read(log, result.start(), result.end()));
            }
        }
        List<String> report = new ArrayList<>(EndToEndReport.tables(results, events, variants.get(0)));
        Files.write(options.path("out", "benchmarks/target/e2e.md"), report);
        report.forEach(System.out::println);
    }
}
