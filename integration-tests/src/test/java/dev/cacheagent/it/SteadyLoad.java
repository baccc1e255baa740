package dev.cacheagent.it;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * GET requests to a served app from several threads, back to back, until stopped: every answer's status and
 * latency is recorded. Each thread stops by itself after {@code maxRequests}, so a forgotten load is bounded.
 */
final class SteadyLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final List<Thread> threads = new ArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong slowestNanos = new AtomicLong();
    private volatile boolean stopped;

    /** What the load saw. */
    record Result(long requests, List<String> failures, double slowestMs) {}

    /** @param path the path of the n-th request of a thread */
    static SteadyLoad start(ServedApp app, int threadCount, int maxRequests, IntFunction<String> path) {
        SteadyLoad load = new SteadyLoad();
        for (int t = 0; t < threadCount; t++) {
            Thread thread = new Thread(() -> load.run(app, maxRequests, path), "steady-load-" + t);
            thread.setDaemon(true);
            load.threads.add(thread);
            thread.start();
        }
        return load;
    }

    private void run(ServedApp app, int maxRequests, IntFunction<String> path) {
        for (int n = 0; n < maxRequests && !stopped; n++) {
            String target = path.apply(n);
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(app.uri(target))
                        .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    failures.add("GET " + target + " answered " + response.statusCode() + " " + response.body());
                }
            } catch (Exception e) {
                failures.add("GET " + target + " failed: " + e);
            }
            slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
            completed.incrementAndGet();
        }
    }

    /** Waits until {@code more} requests completed from now, for at most {@code limit}. */
    void awaitMore(long more, Duration limit) throws InterruptedException {
        long target = completed.get() + more;
        long deadline = System.nanoTime() + limit.toNanos();
        while (completed.get() < target) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the load completed fewer than " + more + " requests in " + limit
                        + " (" + completed.get() + " so far); failures: " + failures);
            }
            Thread.sleep(5);
        }
    }

    Result stop() throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.join(REQUEST_TIMEOUT.toMillis() + 5_000);
        }
        return new Result(completed.get(), List.copyOf(failures), slowestNanos.get() / 1e6);
    }
}
