package dev.cacheagent.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One benchmark's result: average time with its 99.9% error; CPU time per operation when the run used
 * {@code -prof dev.cacheagent.benchmarks.CpuTimeProfiler}; bytes allocated per operation when it used
 * {@code -prof gc}.
 */
record Score(String benchmark, double nanos, double error, OptionalDouble cpuNanos,
        OptionalDouble bytesPerOperation) {
    static Score fromJmh(JsonNode result) {
        JsonNode primary = result.path("primaryMetric");
        if (!"ns/op".equals(primary.path("scoreUnit").asText())) {
            throw new IllegalArgumentException(result.path("benchmark").asText() + " is in "
                    + primary.path("scoreUnit").asText()
                    + "; the report reads average times in ns/op (-bm avgt -tu ns)");
        }
        JsonNode secondary = result.path("secondaryMetrics");
        return new Score(shortName(result.path("benchmark").asText()), primary.path("score").asDouble(),
                errorOf(primary), optional(secondary.path("cpu.time.norm")),
                optional(secondary.path("gc.alloc.rate.norm")));
    }

    private static OptionalDouble optional(JsonNode metric) {
        JsonNode score = metric.path("score");
        return score.isNumber() ? OptionalDouble.of(score.asDouble()) : OptionalDouble.empty();
    }

    private static double errorOf(JsonNode primary) {
        double error = primary.path("scoreError").asDouble(Double.NaN);
        return Double.isNaN(error) ? 0 : error;
    }

    /** {@code dev.cacheagent.benchmarks.WithAgent.hit} → {@code WithAgent.hit}. */
    static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    String time() {
        return error == 0 ? String.format(Locale.ROOT, "%.1f ns", nanos)
                : String.format(Locale.ROOT, "%.1f ± %.1f ns", nanos, error);
    }

    String cpu() {
        return cpuNanos.isPresent() ? String.format(Locale.ROOT, "%.1f ns", cpuNanos.getAsDouble()) : "–";
    }

    String allocation() {
        return bytesPerOperation.isPresent() ? String.format(Locale.ROOT, "%.0f B", bytesPerOperation.getAsDouble())
                : "–";
    }
}
