package dev.cacheagent.benchmarks.drivers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end-to-end tables: client-side latency and throughput, backend work, and the agent's inside timings. */
final class EndToEndReport {
    private EndToEndReport() {}

    static List<String> tables(Map<Variant, LoadResult> results, Map<Variant, AgentEvents> events, Variant baseline) {
        LoadResult base = results.get(baseline);
        List<String> lines = new ArrayList<>(List.of(
                "| variant | requests | failed | throughput | p50 | p95 | p99 | p50 preview | p50 /prompts "
                        + "| p50 /images |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"));
        results.forEach((variant, result) -> {
            Distribution all = result.all();
            lines.add(String.format(Locale.ROOT, "| %s | %d | %d | %.1f req/s | %s | %s | %s | %s | %s | %s |",
                    variant.name(), result.requests(), result.failures(), result.requests() / result.seconds(),
                    millis(all.median()), millis(all.percentile(95)), millis(all.percentile(99)),
                    median(result, Workload.Kind.PREVIEW), median(result, Workload.Kind.PROMPT),
                    median(result, Workload.Kind.IMAGE)));
        });
        lines.add("");
        lines.add("| variant | DB queries / 1000 req | style-prompt queries / 1000 req | provider calls / 1000 req |");
        lines.add("|---|---:|---:|---:|");
        results.forEach((variant, result) -> {
            BackendCounts work = result.backend();
            boolean isBase = variant == baseline;
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |", variant.name(),
                    perThousand(result, work.dbQueries(), base, base.backend().dbQueries(), isBase),
                    perThousand(result, work.promptQueries(), base, base.backend().promptQueries(), isBase),
                    perThousand(result, work.providerCalls(), base, base.backend().providerCalls(), isBase)));
        });
        lines.add("");
        lines.add("| variant | rule and event (as the agent timed it inside test-app) | calls | p50 | p99 |");
        lines.add("|---|---|---:|---:|---:|");
        events.forEach((variant, agentEvents) -> agentEvents.durations().forEach((ruleEvent, durations) ->
                lines.add(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s |", variant.name(), ruleEvent,
                        durations.count(), millis(durations.median()), millis(durations.percentile(99))))));
        return lines;
    }

    private static String median(LoadResult result, Workload.Kind kind) {
        Distribution latencies = result.of(kind);
        return latencies.count() == 0 ? "–" : millis(latencies.median());
    }

    private static String perThousand(LoadResult result, long count, LoadResult base, long baseCount, boolean isBase) {
        double value = result.perThousand(count);
        double baseValue = base.perThousand(baseCount);
        if (isBase || baseValue == 0) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.0f (%+.0f%%)", value, (value - baseValue) * 100 / baseValue);
    }

    static String millis(double value) {
        return value < 10 ? String.format(Locale.ROOT, "%.3f ms", value) : String.format(Locale.ROOT, "%.0f ms", value);
    }
}
