package dev.cacheagent.benchmarks.drivers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Time and peak memory of test-app from {@code java} to its first served request, without an agent, with the
 * agent and each rule file of config-samples/, and with the OpenTelemetry Java agent (exporters off); then whether
 * class-data sharing stays on once the agent has appended its bridge to the bootstrap class path.
 *
 * <p>Variants take turns run by run, so a busy moment on the machine spreads over all of them. Each variant is
 * started once first, unmeasured, to bring its jars into the page cache.
 *
 * <pre>
 * java -cp benchmarks.jar dev.cacheagent.benchmarks.drivers.StartupBenchmark --test-app test-app.jar
 *     --agent cache-agent.jar --samples config-samples [--otel opentelemetry-javaagent.jar] [--runs 10]
 *     [--out startup.md] [--logs dir] [--baseline-agent other-cache-agent.jar] [--floor-agent floor-agent.jar]
 *     [--largest-only true]
 * </pre>
 *
 * <p>{@code --baseline-agent} adds another build of the agent (e.g. main's) with the largest sample, measured in
 * the same runs, for an A/B comparison; {@code --floor-agent} adds a do-nothing agent (no arguments), the floor
 * under any agent ({@code benchmarks/agent-floor.sh} builds one); {@code --largest-only true} leaves out the other samples and the
 * {@code -Xshare:off} variants.
 */
public final class StartupBenchmark {
    /** The first request: one style prompt, a database read through the service the samples instrument. */
    static final String FIRST_REQUEST = "/prompts/neon-noir";
    /** Turns on every switch of the samples, so each instruments all it can. */
    static final Map<String, String> SAMPLE_SWITCHES =
            Map.of("ENABLE_PROMPT_CACHE", "true", "ENABLE_PREVIEW_CACHE", "true");
    /** test-app's simulated database latency would add the same 80 ms sleep to every variant's first request. */
    static final Map<String, String> NO_DATABASE_DELAY = Map.of("DB_DELAY_MS", "0");
    private static final String CDS_WARNING = "Sharing is only supported for boot loader classes";

    private final Path java;
    private final Path testAppJar;
    private final Path logs;

    private StartupBenchmark(Path java, Path testAppJar, Path logs) {
        this.java = java;
        this.testAppJar = testAppJar;
        this.logs = logs;
    }

    /** Runs the benchmark; exit status 2 on a bad option, 1 when test-app cannot be started. */
    public static void main(String[] args) throws Exception {
        try {
            run(Options.parse(args, Set.of("java", "test-app", "agent", "samples", "otel", "runs", "out", "logs",
                    "baseline-agent", "floor-agent", "largest-only")));
        } catch (IllegalArgumentException e) {
            System.err.println("startup benchmark: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("startup benchmark: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Options options) throws IOException, InterruptedException {
        Path java = options.existingPath("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path testApp = options.existingPath("test-app", "test-app/target/test-app.jar");
        Path agent = options.existingPath("agent", "agent/target/cache-agent.jar").toAbsolutePath();
        Path samples = options.existingPath("samples", "config-samples");
        Optional<Path> otel = options.text("otel").map(Path::of);
        int runs = options.number("runs", 10);
        Path logs = Files.createDirectories(options.path("logs", "benchmarks/target/startup-logs"));
        Optional<Path> baseline = options.text("baseline-agent").map(jar -> Path.of(jar).toAbsolutePath());
        Optional<Path> floor = options.text("floor-agent").map(jar -> Path.of(jar).toAbsolutePath());
        boolean largestOnly = Boolean.parseBoolean(options.text("largest-only").orElse("false"));

        List<Path> sampleFiles = sampleFiles(samples);
        Variant plain = withoutDatabaseDelay(Variant.plain());
        List<Variant> variants = new ArrayList<>(List.of(plain));
        Path largest = sampleFiles.stream().max(Comparator.comparingLong(StartupBenchmark::ruleCount))
                .orElseThrow(() -> new IllegalArgumentException("no .yaml rule files in " + samples));
        for (Path sample : largestOnly ? List.of(largest) : sampleFiles) {
            variants.add(withoutDatabaseDelay(agentVariant(agent, sample)));
        }
        Variant largestAgent = withoutDatabaseDelay(agentVariant(agent, largest));
        baseline.ifPresent(jar -> variants.add(withoutDatabaseDelay(baselineVariant(jar, largest))));
        floor.ifPresent(jar -> variants.add(withoutDatabaseDelay(floorVariant(jar))));
        if (!largestOnly) {
            variants.add(plain.with("no agent, -Xshare:off", "-Xshare:off"));
            variants.add(largestAgent.with(largestAgent.name() + ", -Xshare:off", "-Xshare:off"));
        }
        otel.ifPresent(jar -> variants.add(withoutDatabaseDelay(openTelemetryVariant(jar))));

        StartupBenchmark benchmark = new StartupBenchmark(java, testApp, logs);
        Map<Variant, List<Launch>> launches = benchmark.measure(variants, runs);
        List<String> report = new ArrayList<>(StartupReport.table(launches, plain, runs));
        report.add("");
        report.addAll(benchmark.cdsReport(plain, largestAgent));
        Files.write(options.path("out", "benchmarks/target/startup.md"), report);
        report.forEach(System.out::println);
    }

    private Map<Variant, List<Launch>> measure(List<Variant> variants, int runs)
            throws IOException, InterruptedException {
        Map<Variant, List<Launch>> launches = new LinkedHashMap<>();
        for (Variant variant : variants) {
            launch(variant, List.of(), "warm-up");
            launches.put(variant, new ArrayList<>());
        }
        for (int run = 1; run <= runs; run++) {
            for (Variant variant : variants) {
                Launch launch = launch(variant, List.of(), "run " + run);
                launches.get(variant).add(launch);
                System.err.printf(Locale.ROOT, "run %d/%d  %-50s %6.0f ms  %6.0f ms CPU  %4.0f MB%n", run, runs,
                        variant.name(), launch.firstResponseMillis(), launch.cpuMillis(),
                        launch.peakResidentKilobytes() / 1024.0);
            }
        }
        return launches;
    }

    /** Starts test-app, sends it its first request, and stops it. */
    private Launch launch(Variant variant, List<String> extraOptions, String label)
            throws IOException, InterruptedException {
        List<String> command = TestAppProcess.command(java, testAppJar, variant);
        command.addAll(1, extraOptions);
        Path log = logs.resolve(fileName(variant.name()) + ".stderr.log");
        long start = System.nanoTime();
        try (TestAppProcess app = TestAppProcess.start(command, variant, log)) {
            long ready = System.nanoTime();
            HttpResponse<String> response = app.get(FIRST_REQUEST);
            long answered = System.nanoTime();
            if (response.statusCode() != 200) {
                throw new IOException(variant.name() + " (" + label + ") answered " + response.statusCode() + " to "
                        + FIRST_REQUEST + ": " + response.body() + "; its standard error is in " + log);
            }
            return new Launch((ready - start) / 1e6, (answered - start) / 1e6, app.cpuMillis().orElse(0.0),
                    app.peakResidentKilobytes().orElse(0L));
        }
    }

    /**
     * Starts test-app with class-loading logs, without and with the agent: how many classes come from the CDS
     * archive, and whether the JVM warns that appending to the bootstrap class path limited sharing.
     */
    private List<String> cdsReport(Variant plain, Variant agent) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>(List.of(
                "| -Xshare:auto (the default) | classes loaded | from the CDS archive | JVM warning |",
                "|---|---:|---:|---|"));
        for (Variant variant : List.of(plain, agent)) {
            Path classLog = logs.resolve(fileName(variant.name()) + ".class-load.log");
            Files.deleteIfExists(classLog);
            launch(variant, List.of("-Xshare:auto", "-Xlog:class+load=info:file=" + classLog), "CDS probe");
            long total;
            long shared;
            try (Stream<String> classes = Files.lines(classLog)) {
                List<String> loaded = classes.filter(line -> line.contains("source:")).toList();
                total = loaded.size();
                shared = loaded.stream().filter(line -> line.contains("source: shared objects file")).count();
            }
            Path stderr = logs.resolve(fileName(variant.name()) + ".stderr.log");
            boolean warned = Files.readString(stderr).contains(CDS_WARNING);
            lines.add("| " + variant.name() + " | " + total + " | " + shared + " | "
                    + (warned ? "\"" + CDS_WARNING + " because bootstrap classpath has been appended\"" : "none")
                    + " |");
        }
        return lines;
    }

    static Variant agentVariant(Path agentJar, Path ruleFile) {
        Map<String, String> environment = new LinkedHashMap<>(SAMPLE_SWITCHES);
        return new Variant("agent + " + ruleFile.getFileName(),
                List.of("-javaagent:" + agentJar + "=" + ruleFile.toAbsolutePath()), environment);
    }

    /** Another build of the agent (given by its jar) with the same switches, for an A/B comparison. */
    static Variant baselineVariant(Path agentJar, Path ruleFile) {
        Variant variant = agentVariant(agentJar, ruleFile);
        return new Variant("baseline " + variant.name() + " (" + agentJar.getFileName() + ")", variant.jvmOptions(),
                variant.environment());
    }

    /** An agent that does nothing but be one (and register a transformer), for the floor under every agent. */
    static Variant floorVariant(Path agentJar) {
        return new Variant("do-nothing agent with a transformer (" + agentJar.getFileName() + ")",
                List.of("-javaagent:" + agentJar), Map.of());
    }

    static Variant openTelemetryVariant(Path agentJar) {
        return new Variant("OpenTelemetry agent (exporters off)", List.of("-javaagent:" + agentJar.toAbsolutePath(),
                "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"),
                Map.of());
    }

    private static Variant withoutDatabaseDelay(Variant variant) {
        Map<String, String> environment = new LinkedHashMap<>(variant.environment());
        environment.putAll(NO_DATABASE_DELAY);
        return new Variant(variant.name(), variant.jvmOptions(), environment);
    }

    private static List<Path> sampleFiles(Path samples) throws IOException {
        try (Stream<Path> files = Files.list(samples)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** How many rules a rule file declares: the measure of "the largest sample". */
    static long ruleCount(Path ruleFile) {
        try (Stream<String> lines = Files.lines(ruleFile)) {
            return lines.filter(line -> line.stripLeading().startsWith("- name:")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(String variantName) {
        return variantName.replaceAll("[^A-Za-z0-9.-]+", "_");
    }
}
