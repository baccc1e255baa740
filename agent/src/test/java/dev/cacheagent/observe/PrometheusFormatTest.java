package dev.cacheagent.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusFormatTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long US = TimeUnit.MICROSECONDS.toNanos(1);

    private final RuleMetrics styles = new RuleMetrics("style-prompt", "prompts", 0.05);
    private final RuleMetrics timing = new RuleMetrics("replicate-timing", null, null);
    private final FixedGauge prompts = new FixedGauge("prompts", 12, 4);

    @BeforeEach
    void record() {
        styles.recordHit(50 * US);
        styles.recordHit(50 * US);
        styles.recordMiss(200 * MS, 100 * MS);
        styles.recordOriginError(3 * MS, 3 * MS);
        timing.recordCall(1500 * MS);
        timing.recordOriginError(2 * MS, 2 * MS);
    }

    private List<String> lines() {
        return PrometheusFormat.render(List.of(prompts), List.of(styles, timing)).lines().toList();
    }

    private double value(String series) {
        return lines().stream().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .orElseThrow(() -> new AssertionError("no " + series));
    }

    @Test
    void render_requestsByCacheRuleAndResult() {
        assertThat(lines()).containsSubsequence(
                "# HELP cacheagent_requests_total Calls of rules with a cache, by whether the cache answered (hit)"
                        + " or the original method ran (miss).",
                "# TYPE cacheagent_requests_total counter",
                "cacheagent_requests_total{cache=\"prompts\",rule=\"style-prompt\",result=\"hit\"} 2",
                "cacheagent_requests_total{cache=\"prompts\",rule=\"style-prompt\",result=\"miss\"} 2");
        assertThat(lines()).noneMatch(line -> line.startsWith("cacheagent_requests_total{cache=\"\""));
    }

    @Test
    void render_originCallsByOutcome() {
        assertThat(lines()).containsSubsequence(
                "# TYPE cacheagent_origin_calls_total counter",
                "cacheagent_origin_calls_total{rule=\"style-prompt\",outcome=\"success\"} 1",
                "cacheagent_origin_calls_total{rule=\"style-prompt\",outcome=\"error\"} 1",
                "cacheagent_origin_calls_total{rule=\"replicate-timing\",outcome=\"success\"} 1",
                "cacheagent_origin_calls_total{rule=\"replicate-timing\",outcome=\"error\"} 1");
    }

    @Test
    void render_callSecondsHistogramOfHits() {
        assertThat(lines()).containsSubsequence(
                "# TYPE cacheagent_call_seconds histogram",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"hit\",le=\"0.0001\"} 2",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"hit\",le=\"60\"} 2",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"hit\",le=\"+Inf\"} 2",
                "cacheagent_call_seconds_sum{rule=\"style-prompt\",result=\"hit\"} 0.0001",
                "cacheagent_call_seconds_count{rule=\"style-prompt\",result=\"hit\"} 2");
    }

    @Test
    void render_callSecondsBucketsAreCumulative() {
        assertThat(lines()).containsSubsequence(
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"0.0001\"} 0",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"0.00025\"} 0",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"0.0005\"} 0",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"0.001\"} 0",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"0.0025\"} 0",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"0.005\"} 1",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"0.01\"} 1",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"0.025\"} 1",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"0.05\"} 1",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"0.1\"} 1",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"0.25\"} 2",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"0.5\"} 2",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"1\"} 2",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"2.5\"} 2",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"5\"} 2",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"10\"} 2",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"30\"} 2",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"60\"} 2",
                "cacheagent_call_seconds_bucket{rule=\"style-prompt\",result=\"miss\",le=\"+Inf\"} 2");
    }

    @Test
    void render_callSecondsSumAndCountOfMisses() {
        assertThat(lines()).contains("cacheagent_call_seconds_count{rule=\"style-prompt\",result=\"miss\"} 2");
        assertThat(value("cacheagent_call_seconds_sum{rule=\"style-prompt\",result=\"miss\"}"))
                .isCloseTo(0.203, withinPercentage(0.1));
    }

    @Test
    void render_callSecondsOfARuleWithoutCacheArePlainCalls() {
        assertThat(lines()).containsSubsequence(
                "cacheagent_call_seconds_bucket{rule=\"replicate-timing\",result=\"call\",le=\"0.001\"} 0",
                "cacheagent_call_seconds_bucket{rule=\"replicate-timing\",result=\"call\",le=\"0.0025\"} 1",
                "cacheagent_call_seconds_bucket{rule=\"replicate-timing\",result=\"call\",le=\"1\"} 1",
                "cacheagent_call_seconds_bucket{rule=\"replicate-timing\",result=\"call\",le=\"2.5\"} 2",
                "cacheagent_call_seconds_count{rule=\"replicate-timing\",result=\"call\"} 2");
        assertThat(lines()).noneMatch(line -> line.contains("rule=\"replicate-timing\",result=\"hit\""));
    }

    @Test
    void render_plainCallsOfACachingRuleOnlyOnceItBypassedTheCache() {
        assertThat(lines()).noneMatch(line -> line.contains("rule=\"style-prompt\",result=\"call\""));

        styles.recordCall(MS);

        assertThat(lines()).contains("cacheagent_call_seconds_count{rule=\"style-prompt\",result=\"call\"} 1");
    }

    @Test
    void render_cacheEntriesAndEvictions() {
        assertThat(lines()).containsSubsequence(
                "# TYPE cacheagent_evictions_total counter",
                "cacheagent_evictions_total{cache=\"prompts\",cause=\"size_or_expiry\"} 4",
                "# TYPE cacheagent_entries gauge",
                "cacheagent_entries{cache=\"prompts\"} 12");
    }

    @Test
    void render_evictionsByTheCausesATierReports() {
        CacheGauge twoCauses = new CacheGauge() {
            @Override
            public String cacheName() {
                return "scenes";
            }

            @Override
            public long size() {
                return 0;
            }

            @Override
            public long evictions() {
                return 5;
            }

            @Override
            public Map<String, Long> evictionsByCause() {
                return Map.of("size", 3L, "expired", 2L);
            }
        };

        List<String> lines = PrometheusFormat.render(List.of(twoCauses), List.of()).lines().toList();

        assertThat(lines).containsSubsequence(
                "cacheagent_evictions_total{cache=\"scenes\",cause=\"expired\"} 2",
                "cacheagent_evictions_total{cache=\"scenes\",cause=\"size\"} 3");
    }

    @Test
    void render_savedSecondsAndCostPerRule() {
        assertThat(lines()).containsSubsequence(
                "# TYPE cacheagent_saved_seconds_total counter",
                "cacheagent_saved_seconds_total{rule=\"style-prompt\"} 0.2",
                "# TYPE cacheagent_saved_cost_total counter",
                "cacheagent_saved_cost_total{rule=\"style-prompt\"} 0.1");
        assertThat(lines()).noneMatch(line -> line.startsWith("cacheagent_saved_seconds_total{rule=\"replicate-timing\""));
    }

    @Test
    void render_escapesLabelValues() {
        FixedGauge odd = new FixedGauge("we\"ird\\cache\nname", 1, 0);

        List<String> lines = PrometheusFormat.render(List.of(odd), List.of()).lines().toList();

        assertThat(lines).contains("cacheagent_entries{cache=\"we\\\"ird\\\\cache\\nname\"} 1");
    }

    @Test
    void render_withoutRulesOrCaches_isOnlyTheFamilyHeaders() {
        String text = PrometheusFormat.render(List.of(), List.of());

        assertThat(text.lines()).allMatch(line -> line.startsWith("# HELP ") || line.startsWith("# TYPE "));
        assertThat(text).endsWith("\n");
    }
}
