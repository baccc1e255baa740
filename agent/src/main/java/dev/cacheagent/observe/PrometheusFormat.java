package dev.cacheagent.observe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics of SPEC §7 in the Prometheus text exposition format (version 0.0.4), for the admin
 * API's {@code GET /metrics}:
 *
 * <ul>
 *   <li>{@code cacheagent_requests_total{cache,rule,result="hit|miss"}} (rules with a cache)
 *   <li>{@code cacheagent_origin_calls_total{rule,outcome="success|error"}}
 *   <li>{@code cacheagent_call_seconds{rule,result="hit|miss|call"}}: a histogram over {@link #BUCKETS}
 *       (a bucket also holds values up to 0.1% above its bound, and {@code _sum} is exact to 0.1%: the
 *       histograms' precision); a rule
 *       with a cache has {@code hit} and {@code miss}, and {@code call} once it bypassed the cache; a
 *       rule without one has {@code call}
 *   <li>{@code cacheagent_evictions_total{cache,cause}}, {@code cacheagent_entries{cache}}
 *   <li>{@code cacheagent_tier_errors_total{cache}}
 *   <li>{@code cacheagent_saved_seconds_total{rule}}, {@code cacheagent_saved_cost_total{rule}} (rules
 *       with a cache)
 * </ul>
 */
public final class PrometheusFormat {

    /** The {@code Content-Type} of {@link #render}'s text. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Upper bounds of the {@code cacheagent_call_seconds} buckets, in seconds; {@code +Inf} follows. */
    public static final List<BigDecimal> BUCKETS = List.of("0.0001", "0.00025", "0.0005", "0.001", "0.0025",
            "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "30", "60")
            .stream().map(BigDecimal::new).toList();

    private final StringBuilder text = new StringBuilder(4096);

    private PrometheusFormat() {}

    /**
     * @param caches every cache, for its entries and evictions
     * @param rules every rule's metrics, each once (rules without a cache included)
     */
    public static String render(List<? extends CacheGauge> caches, List<RuleMetrics> rules) {
        List<RuleMetrics.Reading> readings = rules.stream().map(RuleMetrics::read).toList();
        List<RuleMetrics.Reading> cached = readings.stream().filter(r -> r.snapshot().cache() != null).toList();
        PrometheusFormat out = new PrometheusFormat();

        out.family("cacheagent_requests_total", "counter",
                "Calls of rules with a cache, by whether the cache answered (hit) or the original method ran (miss).");
        for (RuleMetrics.Reading reading : cached) {
            RuleSnapshot rule = reading.snapshot();
            out.sample("cacheagent_requests_total", rule.hits(), "cache", rule.cache(), "rule", rule.rule(),
                    "result", "hit");
            out.sample("cacheagent_requests_total", rule.misses(), "cache", rule.cache(), "rule", rule.rule(),
                    "result", "miss");
        }

        out.family("cacheagent_origin_calls_total", "counter",
                "Calls of the original method, by whether it returned (success) or threw (error).");
        for (RuleMetrics.Reading reading : readings) {
            RuleSnapshot rule = reading.snapshot();
            long failedPlainCalls = rule.fetchErrors() - rule.loadErrors();
            out.sample("cacheagent_origin_calls_total", rule.loads() + rule.calls() - failedPlainCalls,
                    "rule", rule.rule(), "outcome", "success");
            out.sample("cacheagent_origin_calls_total", rule.fetchErrors(), "rule", rule.rule(), "outcome", "error");
        }

        out.family("cacheagent_call_seconds", "histogram",
                "Time of calls of instrumented methods as their callers saw it, by hit, miss or plain call.");
        for (RuleMetrics.Reading reading : readings) {
            String rule = reading.snapshot().rule();
            if (reading.snapshot().cache() != null) {
                out.histogram(rule, "hit", reading.hits());
                out.histogram(rule, "miss", reading.misses());
            }
            if (reading.snapshot().cache() == null || reading.calls().count() > 0) {
                out.histogram(rule, "call", reading.calls());
            }
        }

        out.family("cacheagent_evictions_total", "counter", "Entries removed from a cache because of size or expiry.");
        for (CacheGauge cache : caches) {
            for (Map.Entry<String, Long> cause : new TreeMap<>(cache.evictionsByCause()).entrySet()) {
                out.sample("cacheagent_evictions_total", cause.getValue(), "cache", cache.cacheName(),
                        "cause", cause.getKey());
            }
        }

        out.family("cacheagent_entries", "gauge", "Entries a cache holds now.");
        for (CacheGauge cache : caches) {
            out.sample("cacheagent_entries", cache.size(), "cache", cache.cacheName());
        }

        out.family("cacheagent_tier_errors_total", "counter",
                "Redis calls that failed and values in Redis that could not be decoded (0 for local caches).");
        for (CacheGauge cache : caches) {
            out.sample("cacheagent_tier_errors_total", cache.tierErrors(), "cache", cache.cacheName());
        }

        out.family("cacheagent_saved_seconds_total", "counter",
                "Time the cache saved: hits times the rule's mean time of the original method.");
        for (RuleMetrics.Reading reading : cached) {
            out.sample("cacheagent_saved_seconds_total", number(reading.snapshot().savedMs() / 1000),
                    "rule", reading.snapshot().rule());
        }

        out.family("cacheagent_saved_cost_total", "counter", "Money the cache saved: hits times the rule's costPerCall.");
        for (RuleMetrics.Reading reading : cached) {
            out.sample("cacheagent_saved_cost_total", number(reading.snapshot().savedCost()),
                    "rule", reading.snapshot().rule());
        }
        return out.text.toString();
    }

    private void histogram(String rule, String result, LatencyDistribution latencies) {
        for (BigDecimal bound : BUCKETS) {
            long nanos = bound.movePointRight(9).longValueExact();
            sample("cacheagent_call_seconds_bucket", latencies.countAtOrBelow(nanos), "rule", rule, "result", result,
                    "le", bound.toPlainString());
        }
        sample("cacheagent_call_seconds_bucket", latencies.count(), "rule", rule, "result", result, "le", "+Inf");
        sample("cacheagent_call_seconds_sum", number(latencies.sumSeconds()), "rule", rule, "result", result);
        sample("cacheagent_call_seconds_count", latencies.count(), "rule", rule, "result", result);
    }

    private void family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, long value, String... labels) {
        sample(name, Long.toString(value), labels);
    }

    private void sample(String name, String value, String... labels) {
        text.append(name).append('{');
        for (int i = 0; i < labels.length; i += 2) {
            if (i > 0) {
                text.append(',');
            }
            text.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
        }
        text.append("} ").append(value).append('\n');
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        // Nanosecond (and nano-unit of money) resolution: enough, and free of floating-point noise.
        return BigDecimal.valueOf(value).setScale(9, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Label values escape backslash, double quote and line feed, as the text format requires. */
    private static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
