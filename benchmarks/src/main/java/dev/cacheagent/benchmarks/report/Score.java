package dev.cacheagent.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One benchmark's result: average time with its 99.9% error, and bytes allocated per operation when the run
 * used {@code -prof gc}.
 */
record Score(String benchmark, double nanos, double error, OptionalDouble bytesPerOperation) {
    static Score fromJmh(JsonNode result) {
        JsonNode primary = result.path("primaryMetric");
        if (!"ns/op".equals(primary.path("scoreUnit").asText())) {
            throw new IllegalArgumentException(result.path("benchmark").asText() + " is in "
                    + primary.path("scoreUnit").asText() + "; the report reads average times in ns/op (-bm avgt -tu ns)");
        }
        JsonNode allocation = result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
        return new Score(shortName(result.path("benchmark").asText()), primary.path("score").asDouble(),
                errorOf(primary), allocation.isNumber() ? OptionalDouble.of(allocation.asDouble()) : OptionalDouble.empty());
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

    String allocation() {
        return bytesPerOperation.isPresent() ? String.format(Locale.ROOT, "%.0f B", bytesPerOperation.getAsDouble())
                : "–";
    }
}
