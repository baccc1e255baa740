package dev.cacheagent.benchmarks.drivers;

import com.fasterxml.jackson.databind.JsonNode;

/** The work that reached test-app's backends, from its {@code GET /stats}. */
record BackendCounts(long dbQueries, long promptQueries, long providerCalls) {
    static BackendCounts fromStats(JsonNode stats) {
        return new BackendCounts(stats.path("dbQueries").asLong(), stats.path("promptQueries").asLong(),
                stats.path("providerCalls").asLong());
    }

    BackendCounts minus(BackendCounts earlier) {
        return new BackendCounts(dbQueries - earlier.dbQueries, promptQueries - earlier.promptQueries,
                providerCalls - earlier.providerCalls);
    }
}
