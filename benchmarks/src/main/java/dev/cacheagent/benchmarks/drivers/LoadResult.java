package dev.cacheagent.benchmarks.drivers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one measured window of load did.
 *
 * @param latenciesMillis client-side latency of every successful request, by kind
 * @param failures requests answered with a status other than 200, or not answered
 * @param seconds the window's length
 * @param backend the work that reached the database and the provider during the window
 * @param start when the window opened, to pick the agent's events that belong to it
 * @param end when it closed
 */
record LoadResult(Map<Workload.Kind, List<Double>> latenciesMillis, long failures, double seconds,
        BackendCounts backend, Instant start, Instant end) {
    LoadResult {
        latenciesMillis = Map.copyOf(latenciesMillis);
    }

    long requests() {
        return latenciesMillis.values().stream().mapToLong(List::size).sum() + failures;
    }

    Distribution all() {
        return Distribution.of(latenciesMillis.values().stream().flatMap(List::stream).toList());
    }

    Distribution of(Workload.Kind kind) {
        return Distribution.of(latenciesMillis.getOrDefault(kind, List.of()));
    }

    /** Backend work per 1000 requests. */
    double perThousand(long count) {
        return requests() == 0 ? 0 : count * 1000.0 / requests();
    }
}
