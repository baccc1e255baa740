package dev.cacheagent.benchmarks.drivers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load on test-app: each thread sends the next request of the workload as soon as the previous one
 * is answered. A warm-up phase runs first and is not measured; every phase ends when all its requests are answered,
 * so the backend counts read between phases belong to one phase only.
 */
final class LoadGenerator {
    private final TestAppProcess app;
    private final Workload workload;
    private final int threads;
    private final ObjectMapper json = new ObjectMapper();

    LoadGenerator(TestAppProcess app, Workload workload, int threads) {
        this.app = app;
        this.workload = workload;
        this.threads = threads;
    }

    LoadResult run(Duration warmUp, Duration measured, long seed) throws IOException, InterruptedException {
        SplittableRandom seeds = new SplittableRandom(seed);
        phase(warmUp, seeds);
        BackendCounts before = stats();
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        List<ThreadResult> results = phase(measured, seeds);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Instant end = Instant.now();
        BackendCounts work = stats().minus(before);

        Map<Workload.Kind, List<Double>> latencies = new EnumMap<>(Workload.Kind.class);
        long failures = 0;
        for (ThreadResult result : results) {
            result.latencies.forEach((kind, values) ->
                    latencies.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(values));
            failures += result.failures;
        }
        return new LoadResult(latencies, failures, seconds, work, start, end);
    }

    private List<ThreadResult> phase(Duration length, SplittableRandom seeds) throws InterruptedException {
        long deadline = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ThreadResult>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                SplittableRandom random = seeds.split();
                running.add(pool.submit(() -> load(random, deadline)));
            }
            List<ThreadResult> results = new ArrayList<>();
            for (Future<ThreadResult> thread : running) {
                results.add(thread.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load thread failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private ThreadResult load(SplittableRandom random, long deadline) throws InterruptedException {
        ThreadResult result = new ThreadResult();
        while (System.nanoTime() < deadline) {
            Workload.Request request = workload.next(random);
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = app.get(request.path());
                if (response.statusCode() == 200) {
                    result.latencies.computeIfAbsent(request.kind(), k -> new ArrayList<>())
                            .add((System.nanoTime() - start) / 1e6);
                } else {
                    result.failures++;
                }
            } catch (IOException e) {
                result.failures++;
            }
        }
        return result;
    }

    private BackendCounts stats() throws IOException, InterruptedException {
        HttpResponse<String> response = app.get("/stats");
        if (response.statusCode() != 200) {
            throw new IOException("GET /stats answered " + response.statusCode() + ": " + response.body());
        }
        return BackendCounts.fromStats(json.readTree(response.body()));
    }

    /** One thread's measurements; confined to that thread until it finishes. */
    private static final class ThreadResult {
        final Map<Workload.Kind, List<Double>> latencies = new EnumMap<>(Workload.Kind.class);
        long failures;
    }
}
