package dev.cacheagent.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables of BENCHMARKS.md from one JMH run's JSON results ({@code -rf json}); benchmarks missing from the run
 * show as "not run".
 */
public final class JmhReport {
    /** The issue's figures for the same hit (2 cores, JDK 17), quoted beside ours; not measured here. */
    private static final Map<String, String> ISSUE_FIGURES = Map.of(
            "HandWrittenCaches.caffeine", "34 ns",
            "HandWrittenCaches.concurrentHashMap", "33 ns",
            "SpringCacheable.defaultKey", "190 ns",
            "SpringCacheable.expressionKey", "729 ns",
            "JetCacheCached.defaultKey", "407 ns",
            "JetCacheCached.expressionKey", "709 ns");

    private final Map<String, Score> scores;

    JmhReport(Map<String, Score> scores) {
        this.scores = Map.copyOf(scores);
    }

    /** Prints the tables for the results file given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JmhReport <jmh results.json, from -rf json -rff FILE>");
            System.exit(2);
        }
        read(Path.of(args[0])).tables().forEach(System.out::println);
    }

    static JmhReport read(Path results) throws IOException {
        Map<String, Score> scores = new LinkedHashMap<>();
        for (JsonNode result : new ObjectMapper().readTree(results.toFile())) {
            Score score = Score.fromJmh(result);
            scores.put(score.benchmark(), score);
        }
        return new JmhReport(scores);
    }

    List<String> tables() {
        List<String> lines = new ArrayList<>();
        lines.add("### A hit on `String getStylePrompt(String)`");
        lines.add("");
        lines.add("| cache | key | time per hit | × hand-written Caffeine | allocated per hit | the issue's figure |");
        lines.add("|---|---|---:|---:|---:|---:|");
        hitRow(lines, "hand-written Caffeine", "`styleName.trim().toLowerCase()`", "HandWrittenCaches.caffeine");
        hitRow(lines, "hand-written ConcurrentHashMap", "`styleName.trim().toLowerCase()`",
                "HandWrittenCaches.concurrentHashMap");
        hitRow(lines, "**cache-agent**", "`#styleName.trim().toLowerCase()`", "WithAgent.hit");
        hitRow(lines, "Spring `@Cacheable` + Caffeine", "default (the argument)", "SpringCacheable.defaultKey");
        hitRow(lines, "Spring `@Cacheable` + Caffeine", "SpEL `#styleName.trim().toLowerCase()`",
                "SpringCacheable.expressionKey");
        hitRow(lines, "JetCache `@Cached` (Caffeine)", "default (the arguments)", "JetCacheCached.defaultKey");
        hitRow(lines, "JetCache `@Cached` (Caffeine)", "SpEL `#styleName.trim().toLowerCase()`",
                "JetCacheCached.expressionKey");
        lines.add("");
        lines.add("### What the agent adds to a call it does not serve from the cache");
        lines.add("");
        lines.add("| method | without the agent | with the agent | added |");
        lines.add("|---|---:|---:|---:|");
        overheadRow(lines, "miss: looks up, runs the origin, stores nothing (`unless: \"true\"`)", "missNeverStored");
        overheadRow(lines, "only an `enabled: false` rule names its class", "ruleSwitchedOff");
        overheadRow(lines, "no rule names it (its class is instrumented for other methods)", "methodWithoutRule");
        lines.add("");
        lines.add("### Hits by key expression");
        lines.add("");
        lines.add("| key | time per hit | allocated per hit | the bare method (no agent) |");
        lines.add("|---|---:|---:|---:|");
        keyRow(lines, "default (all arguments: one String)", "hitDefaultKey");
        keyRow(lines, "`#p0`", "hitFirstArgumentKey");
        keyRow(lines, "`#styleName.trim().toLowerCase()`", "hit");
        keyRow(lines, "`#request.image + '\\|' + #request.style + '\\|' + #request.quality` (3 record fields)",
                "hitRecordFieldsKey");
        lines.add("");
        lines.add("### Two threads, one key");
        lines.add("");
        lines.add("| calls | without the agent | with the agent |");
        lines.add("|---|---:|---:|");
        contendedRow(lines, "hits on one entry", "hit");
        contendedRow(lines, "misses on one key, ~1 µs origin, single flight", "missSingleFlight");
        return lines;
    }

    private void hitRow(List<String> lines, String cache, String key, String benchmark) {
        Score score = scores.get(benchmark);
        Score floor = scores.get("HandWrittenCaches.caffeine");
        if (score == null) {
            lines.add("| " + cache + " | " + key + " | not run | | | " + ISSUE_FIGURES.getOrDefault(benchmark, "–") + " |");
            return;
        }
        String ratio = floor == null ? "–" : String.format(Locale.ROOT, "%.2f×", score.nanos() / floor.nanos());
        lines.add("| " + cache + " | " + key + " | " + score.time() + " | " + ratio + " | " + score.allocation()
                + " | " + ISSUE_FIGURES.getOrDefault(benchmark, "–") + " |");
    }

    private void overheadRow(List<String> lines, String method, String benchmark) {
        lines.add("| " + method + " | " + difference("WithoutAgent." + benchmark, "WithAgent." + benchmark) + " |");
    }

    private void contendedRow(List<String> lines, String calls, String benchmark) {
        lines.add("| " + calls + " | " + time("ContendedWithoutAgent." + benchmark) + " | "
                + time("ContendedWithAgent." + benchmark) + " |");
    }

    private void keyRow(List<String> lines, String key, String benchmark) {
        Score score = scores.get("WithAgent." + benchmark);
        lines.add("| " + key + " | " + (score == null ? "not run" : score.time()) + " | "
                + (score == null ? "" : score.allocation()) + " | " + time("WithoutAgent." + benchmark) + " |");
    }

    private String difference(String without, String with) {
        Score bare = scores.get(without);
        Score agent = scores.get(with);
        if (bare == null || agent == null) {
            return time(without) + " | " + time(with) + " | –";
        }
        return bare.time() + " | " + agent.time() + " | " + String.format(Locale.ROOT, "%+.1f ± %.1f ns",
                agent.nanos() - bare.nanos(), bare.error() + agent.error());
    }

    private String time(String benchmark) {
        Score score = scores.get(benchmark);
        return score == null ? "not run" : score.time();
    }
}
