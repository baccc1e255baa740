package dev.cacheagent.cli;

import dev.cacheagent.cli.Report.RuleFigures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Adds up an event log, event by event, into a {@link Report}. Used once, on one thread.
 *
 * <p>Per rule, from its per-call events: {@code hit} and {@code shadow_hit} are hits (shadow mode is
 * reported as if served), {@code miss} a miss; {@code skip}, {@code fetch_error},
 * {@code stale_served} and {@code call} are calls that are neither. Hit latencies come from
 * {@code hit} events only, since a shadow hit still ran the original method. A rule's
 * {@code costPerCall} comes from its {@code rule_applied} events. A cache whose rules wrote no
 * per-call events is reported from its last {@code stats} event.
 */
final class ReportBuilder implements Consumer<LoggedEvent> {
    private final Map<String, RuleTally> rules = new LinkedHashMap<>();
    private final Map<String, LoggedEvent> lastStats = new LinkedHashMap<>();

    @Override
    public void accept(LoggedEvent event) {
        if (event.event().equals("stats")) {
            String cache = event.text("cache");
            if (cache != null) {
                lastStats.put(cache, event);
            }
            return;
        }
        String rule = event.text("rule");
        if (rule == null) {
            return;
        }
        switch (event.event()) {
            case "rule_applied" -> tally(rule, event).costPerCall(event.number("costPerCall"));
            case "hit" -> tally(rule, event).hit(event.number("durationMs"));
            case "shadow_hit" -> tally(rule, event).shadowHit();
            case "miss" -> tally(rule, event).miss(event.number("durationMs"), event.number("originMs"));
            case "call" -> tally(rule, event).timedCall(event.number("durationMs"));
            case "skip", "fetch_error", "stale_served" -> tally(rule, event).otherCall();
            default -> {
                // evict, put, refresh, lifecycle and health events carry no call figures
            }
        }
    }

    Report build(String source, EventLogReader.Counts counts) {
        List<RuleFigures> rows = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        Map<String, List<String>> silentRulesByCache = new LinkedHashMap<>();
        for (RuleTally tally : rules.values()) {
            if (tally.wroteCalls()) {
                rows.add(tally.figures());
            } else if (tally.cache() != null && lastStats.containsKey(tally.cache())) {
                silentRulesByCache.computeIfAbsent(tally.cache(), c -> new ArrayList<>()).add(tally.rule());
            } else {
                silent.add(tally.rule());
            }
        }
        for (Map.Entry<String, LoggedEvent> stats : lastStats.entrySet()) {
            String cache = stats.getKey();
            boolean coveredByEvents = rules.values().stream()
                    .anyMatch(t -> t.wroteCalls() && cache.equals(t.cache()));
            if (!coveredByEvents) {
                List<String> names = silentRulesByCache.getOrDefault(cache, List.of("cache " + cache));
                rows.add(fromStats(String.join(", ", names), cache, stats.getValue()));
            }
        }
        return new Report(source, counts.events(), counts.skippedLines(), rows, totals(rows), silent);
    }

    /** A row from a cache's {@code stats} event: cumulative figures of every rule using the cache. */
    private static RuleFigures fromStats(String rules, String cache, LoggedEvent stats) {
        long hits = Math.round(orZero(stats.number("hits")));
        long misses = Math.round(orZero(stats.number("misses")));
        return new RuleFigures(rules, cache, Report.Source.STATS, hits + misses, hits, misses,
                percentiles(stats, "hit", hits), percentiles(stats, "miss", misses), null, stats.number("savedMs"),
                stats.number("savedCost"));
    }

    private static Report.Latencies percentiles(LoggedEvent stats, String series, long count) {
        Double p50 = stats.number(series + "P50Ms");
        Double p95 = stats.number(series + "P95Ms");
        Double p99 = stats.number(series + "P99Ms");
        if (count == 0 || p50 == null || p95 == null || p99 == null) {
            return null;
        }
        return new Report.Latencies(count, p50, p95, p99, Double.NaN, List.of());
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static Report.Totals totals(List<RuleFigures> rows) {
        long calls = 0;
        long hits = 0;
        long misses = 0;
        double savedMs = 0;
        Double savedCost = null;
        for (RuleFigures row : rows) {
            calls += row.calls();
            hits += row.hits();
            misses += row.misses();
            savedMs += row.savedMs() == null ? 0 : row.savedMs();
            if (row.savedCost() != null) {
                savedCost = (savedCost == null ? 0 : savedCost) + row.savedCost();
            }
        }
        return new Report.Totals(calls, hits, misses, savedMs, savedCost);
    }

    private RuleTally tally(String rule, LoggedEvent event) {
        RuleTally tally = rules.computeIfAbsent(rule, RuleTally::new);
        tally.cache(event.text("cache"));
        return tally;
    }

    /** One rule's per-call events, added up. */
    private static final class RuleTally {
        private final String rule;
        private String cache;
        private Double costPerCall;
        private long hits;
        private long misses;
        private long otherCalls;
        private double originMsSum;
        private long originCount;
        private final LatencyTally hitLatencies = new LatencyTally();
        private final LatencyTally missLatencies = new LatencyTally();
        private final LatencyTally timedLatencies = new LatencyTally();

        RuleTally(String rule) {
            this.rule = rule;
        }

        String rule() {
            return rule;
        }

        String cache() {
            return cache;
        }

        void cache(String name) {
            if (name != null) {
                cache = name;
            }
        }

        void costPerCall(Double cost) {
            if (cost != null) {
                costPerCall = cost;
            }
        }

        void hit(Double durationMs) {
            hits++;
            if (durationMs != null) {
                hitLatencies.record(durationMs);
            }
        }

        void shadowHit() {
            hits++;
        }

        void miss(Double durationMs, Double originMs) {
            misses++;
            if (durationMs != null) {
                missLatencies.record(durationMs);
            }
            if (originMs != null) {
                originMsSum += originMs;
                originCount++;
            }
        }

        void timedCall(Double durationMs) {
            otherCalls++;
            if (durationMs != null) {
                timedLatencies.record(durationMs);
            }
        }

        void otherCall() {
            otherCalls++;
        }

        boolean wroteCalls() {
            return hits + misses + otherCalls > 0;
        }

        RuleFigures figures() {
            Double savedMs = hits == 0 ? Double.valueOf(0) : originCount == 0 ? null : hits * originMsSum / originCount;
            Double savedCost = costPerCall == null ? null : hits * costPerCall;
            return new RuleFigures(rule, cache, Report.Source.EVENTS, hits + misses + otherCalls, hits, misses,
                    hitLatencies.latencies(), missLatencies.latencies(), timedLatencies.latencies(), savedMs,
                    savedCost);
        }
    }
}
