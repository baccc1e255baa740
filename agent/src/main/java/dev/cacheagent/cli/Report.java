package dev.cacheagent.cli;

import java.util.List;

/**
 * The figures of an event log, per rule and in total.
 *
 * @param source the event log's file name
 * @param events event lines read
 * @param skippedLines lines that were not JSON events
 * @param rules one row per rule that wrote per-call events, and one per cache whose rules wrote
 *     none but that has {@code stats} events; in the order the log first names them
 * @param silentRules rules the log shows were applied but for which it holds no figures
 */
record Report(String source, long events, long skippedLines, List<RuleFigures> rules, Totals totals,
        List<String> silentRules) {

    Report {
        rules = List.copyOf(rules);
        silentRules = List.copyOf(silentRules);
    }

    /** Where a row's figures come from. */
    enum Source {
        /** Counted from the rule's own per-call events. */
        EVENTS,
        /** The last {@code stats} event of the rule's cache: its figures cover every rule using that cache. */
        STATS
    }

    /**
     * One row.
     *
     * @param rule the rule's name; for a {@link Source#STATS} row, the names of the rules using the cache
     * @param cache the rule's cache, or {@code null} for a rule without one
     * @param calls every call the events show: hits, misses, skips, errors and timed calls
     * @param hits served from the cache, and in shadow mode the calls the cache would have served
     * @param hit latencies of hits; {@code null} when there were none
     * @param miss latencies of misses; {@code null} when there were none
     * @param timed latencies of calls of a rule that does not cache ({@code call} events); {@code null} when none
     * @param savedMs hits × the mean origin time of the rule's misses; {@code null} when there were hits but no
     *     miss to measure the origin by
     * @param savedCost hits × the rule's {@code costPerCall}; {@code null} when it has none
     */
    record RuleFigures(String rule, String cache, Source source, long calls, long hits, long misses, Latencies hit,
            Latencies miss, Latencies timed, Double savedMs, Double savedCost) {

        /** hits / (hits + misses), or 0 when there were none. */
        double hitRate() {
            return hits + misses == 0 ? 0 : (double) hits / (hits + misses);
        }
    }

    /**
     * A latency distribution in milliseconds.
     *
     * @param count how many calls
     * @param max the slowest call; {@code NaN} when only the percentiles are known (from {@code stats})
     * @param curve the latency at each percentile, for charts; empty when only the percentiles are known
     */
    record Latencies(long count, double p50, double p95, double p99, double max, List<Point> curve) {
        Latencies {
            curve = List.copyOf(curve);
        }

        /** The latency {@code ms} at {@code percentile} (0 to 100). */
        record Point(double percentile, double ms) {}
    }

    /** The sums of every row; {@code savedCost} is {@code null} when no rule has a cost. */
    record Totals(long calls, long hits, long misses, double savedMs, Double savedCost) {
        double hitRate() {
            return hits + misses == 0 ? 0 : (double) hits / (hits + misses);
        }
    }
}
