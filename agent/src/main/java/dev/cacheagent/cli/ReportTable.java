package dev.cacheagent.cli;

import dev.cacheagent.cli.Report.Latencies;
import dev.cacheagent.cli.Report.RuleFigures;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints a {@link Report} as aligned text tables for the terminal. */
final class ReportTable {
    private static final List<String> HEADER = List.of("rule", "calls", "hits", "misses", "hit rate", "hit p50",
            "hit p95", "hit p99", "miss p50", "miss p95", "miss p99", "time saved", "cost saved");
    private static final List<String> TIMED_HEADER = List.of("rule", "calls", "p50", "p95", "p99", "max");

    private ReportTable() {}

    static void print(Report report, PrintStream out) {
        out.println("cache-agent report of " + report.source() + ": " + Figures.count(report.events(), "event")
                + (report.skippedLines() == 0 ? "" : ", " + Figures.count(report.skippedLines(), "line")
                        + " skipped (not JSON events; the report reads agent.log.format: json)"));
        if (report.rules().isEmpty()) {
            out.println("no per-call or stats events: give rules a log section, or turn on agent.stats");
        } else {
            out.println();
            printTable(out, HEADER, rows(report));
            out.println("latencies in ms; hit rate = hits / (hits + misses); time saved = hits x the rule's mean"
                    + " time of a miss's original call; cost saved = hits x costPerCall");
            report.rules().stream().filter(r -> r.source() == Report.Source.STATS).forEach(r -> out.println(
                    r.rule() + ": from the last stats event of cache " + r.cache() + " (its rules wrote no per-call"
                            + " events)"));
        }
        List<List<String>> timed = timedRows(report);
        if (!timed.isEmpty()) {
            out.println();
            out.println("timed calls of rules without a cache, ms:");
            printTable(out, TIMED_HEADER, timed);
        }
        if (!report.silentRules().isEmpty()) {
            out.println();
            out.println("applied but without figures in this log: " + String.join(", ", report.silentRules()));
        }
    }

    /** The main table's cells, one list per rule, then the totals; shared with the HTML page. */
    static List<List<String>> rows(Report report) {
        List<List<String>> rows = new ArrayList<>();
        for (RuleFigures rule : report.rules()) {
            List<String> row = new ArrayList<>(List.of(rule.rule(), Long.toString(rule.calls()),
                    Long.toString(rule.hits()), Long.toString(rule.misses()), rate(rule.hits(), rule.misses(),
                            rule.hitRate())));
            row.addAll(percentiles(rule.hit()));
            row.addAll(percentiles(rule.miss()));
            row.add(Figures.duration(rule.savedMs()));
            row.add(Figures.cost(rule.savedCost()));
            rows.add(row);
        }
        Report.Totals totals = report.totals();
        List<String> total = new ArrayList<>(List.of("total", Long.toString(totals.calls()),
                Long.toString(totals.hits()), Long.toString(totals.misses()),
                rate(totals.hits(), totals.misses(), totals.hitRate())));
        total.addAll(List.of(Figures.NONE, Figures.NONE, Figures.NONE, Figures.NONE, Figures.NONE, Figures.NONE));
        total.add(Figures.duration(totals.savedMs()));
        total.add(Figures.cost(totals.savedCost()));
        rows.add(total);
        return rows;
    }

    static List<String> header() {
        return HEADER;
    }

    static List<String> timedHeader() {
        return TIMED_HEADER;
    }

    /** One row per rule with timed calls ({@code call} events). */
    static List<List<String>> timedRows(Report report) {
        List<List<String>> rows = new ArrayList<>();
        for (RuleFigures rule : report.rules()) {
            Latencies timed = rule.timed();
            if (timed != null) {
                List<String> row = new ArrayList<>(List.of(rule.rule(), Long.toString(timed.count())));
                row.addAll(percentiles(timed));
                row.add(Figures.ms(timed.max()));
                rows.add(row);
            }
        }
        return rows;
    }

    private static String rate(long hits, long misses, double rate) {
        return hits + misses == 0 ? Figures.NONE : Figures.percent(rate);
    }

    private static List<String> percentiles(Latencies latencies) {
        if (latencies == null) {
            return List.of(Figures.NONE, Figures.NONE, Figures.NONE);
        }
        return List.of(Figures.ms(latencies.p50()), Figures.ms(latencies.p95()), Figures.ms(latencies.p99()));
    }

    /** The first column left-aligned, the figures right-aligned. */
    private static void printTable(PrintStream out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String padding = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? cell + padding : "  " + padding + cell);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
