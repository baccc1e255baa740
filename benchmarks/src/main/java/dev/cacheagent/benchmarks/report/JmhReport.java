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
        lines.add("| cache | key | time per hit | CPU per hit | × hand-written Caffeine (time / CPU) "
                + "| allocated per hit | the issue's figure |");
        lines.add("|---|---|---:|---:|---:|---:|---:|");
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
        lines.add("| method | without the agent (time / CPU) | with the agent (time / CPU) | added time | added CPU "
                + "| allocated without / with |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        overheadRow(lines, "miss: looks up, runs the origin, stores nothing (`unless: \"true\"`)", "missNeverStored");
        overheadRow(lines, "only an `enabled: false` rule names its class", "ruleSwitchedOff");
        overheadRow(lines, "its rule was switched off at run time (`POST /rules/{name}/disable`)",
                "ruleSwitchedOffAtRunTime");
        overheadRow(lines, "no rule names it (its class is instrumented for other methods)", "methodWithoutRule");
        lines.add("");
        lines.add("### Hits by key expression");
        lines.add("");
        lines.add("| key | time per hit | CPU per hit | allocated per hit | the bare method, no agent (time / CPU) |");
        lines.add("|---|---:|---:|---:|---:|");
        keyRow(lines, "default (all arguments: one String)", "hitDefaultKey");
        keyRow(lines, "`#p0`", "hitFirstArgumentKey");
        keyRow(lines, "`#styleName.trim().toLowerCase()`", "hit");
        keyRow(lines, "`#request.image + '\\|' + #request.style + '\\|' + #request.quality` (3 record fields)",
                "hitRecordFieldsKey");
        lines.add("");
        lines.add("### Redis tiers (Redis on the same machine, loopback)");
        lines.add("");
        lines.add("| call | time | CPU | × raw Jedis GET (time) | allocated |");
        lines.add("|---|---:|---:|---:|---:|");
        redisRow(lines, "raw Jedis `GET` of the agent's entry (`JedisPooled`, key already built)", "jedisGet");
        redisRow(lines, "agent, `tier: redis` hit (key, pipelined `PTTL`, `GETRANGE`, epoch `GET`, string codec)",
                "hitRedis");
        redisRow(lines, "agent, `tier: two-level` hit on the local copy", "hitTwoLevelLocalCopy");
        lines.add("");
        lines.add("### Two threads, one key");
        lines.add("");
        lines.add("| calls (per call, each thread) | without the agent (time / CPU) | with the agent (time / CPU) |");
        lines.add("|---|---:|---:|");
        contendedRow(lines, "hits on one entry", "hit");
        contendedRow(lines, "misses on one key, ~1 µs origin, single flight", "missSingleFlight");
        return lines;
    }

    private void hitRow(List<String> lines, String cache, String key, String benchmark) {
        Score score = scores.get(benchmark);
        Score floor = scores.get("HandWrittenCaches.caffeine");
        String figure = ISSUE_FIGURES.getOrDefault(benchmark, "–");
        if (score == null) {
            lines.add("| " + cache + " | " + key + " | not run | | | | " + figure + " |");
            return;
        }
        String ratio = floor == null ? "–" : String.format(Locale.ROOT, "%.2f×", score.nanos() / floor.nanos());
        if (floor != null && score.cpuNanos().isPresent() && floor.cpuNanos().isPresent()) {
            ratio += String.format(Locale.ROOT, " / %.2f×",
                    score.cpuNanos().getAsDouble() / floor.cpuNanos().getAsDouble());
        }
        lines.add("| " + cache + " | " + key + " | " + score.time() + " | " + score.cpu() + " | " + ratio + " | "
                + score.allocation() + " | " + figure + " |");
    }

    private void overheadRow(List<String> lines, String method, String benchmark) {
        Score bare = scores.get("WithoutAgent." + benchmark);
        Score agent = scores.get("WithAgent." + benchmark);
        if (bare == null || agent == null) {
            lines.add("| " + method + " | " + both(bare) + " | " + both(agent) + " | – | – | – |");
            return;
        }
        String addedCpu = bare.cpuNanos().isPresent() && agent.cpuNanos().isPresent()
                ? String.format(Locale.ROOT, "%+.1f ns", agent.cpuNanos().getAsDouble() - bare.cpuNanos().getAsDouble())
                : "–";
        lines.add("| " + method + " | " + both(bare) + " | " + both(agent) + " | "
                + String.format(Locale.ROOT, "%+.1f ± %.1f ns", agent.nanos() - bare.nanos(),
                        bare.error() + agent.error())
                + " | " + addedCpu + " | " + bare.allocation() + " / " + agent.allocation() + " |");
    }

    private void contendedRow(List<String> lines, String calls, String benchmark) {
        lines.add("| " + calls + " | " + both(scores.get("ContendedWithoutAgent." + benchmark)) + " | "
                + both(scores.get("ContendedWithAgent." + benchmark)) + " |");
    }

    private void keyRow(List<String> lines, String key, String benchmark) {
        Score score = scores.get("WithAgent." + benchmark);
        lines.add("| " + key + " | " + (score == null ? "not run | | " : score.time() + " | " + score.cpu() + " | "
                + score.allocation()) + " | " + both(scores.get("WithoutAgent." + benchmark)) + " |");
    }

    private void redisRow(List<String> lines, String call, String benchmark) {
        Score score = scores.get("RedisTiers." + benchmark);
        Score raw = scores.get("RedisTiers.jedisGet");
        if (score == null) {
            lines.add("| " + call + " | not run | | | |");
            return;
        }
        String ratio = raw == null ? "–" : String.format(Locale.ROOT, "%.3f×", score.nanos() / raw.nanos());
        lines.add("| " + call + " | " + score.time() + " | " + score.cpu() + " | " + ratio + " | "
                + score.allocation() + " |");
    }

    private static String both(Score score) {
        return score == null ? "not run" : score.time() + " / " + score.cpu();
    }
}
