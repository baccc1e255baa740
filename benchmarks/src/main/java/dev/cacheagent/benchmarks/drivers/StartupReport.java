package dev.cacheagent.benchmarks.drivers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The startup table: medians per variant and what each adds to test-app without an agent. */
final class StartupReport {
    private StartupReport() {}

    static List<String> table(Map<Variant, List<Launch>> launches, Variant baseline, int runs) {
        Distribution baseTime = Distribution.of(launches.get(baseline).stream().map(Launch::firstResponseMillis).toList());
        Distribution baseMemory = Distribution.of(
                launches.get(baseline).stream().map(launch -> launch.peakResidentKilobytes() / 1024.0).toList());
        List<String> lines = new ArrayList<>(List.of(
                "| variant (" + runs + " runs each, medians) | to READY | to first response | added | min – max "
                        + "| peak RSS | added RSS |",
                "|---|---:|---:|---:|---:|---:|---:|"));
        launches.forEach((variant, runsOfVariant) -> {
            Distribution ready = Distribution.of(runsOfVariant.stream().map(Launch::readyMillis).toList());
            Distribution time = Distribution.of(runsOfVariant.stream().map(Launch::firstResponseMillis).toList());
            Distribution memory = Distribution.of(
                    runsOfVariant.stream().map(launch -> launch.peakResidentKilobytes() / 1024.0).toList());
            lines.add(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %s | %.0f – %.0f ms | %.0f MB | %s |",
                    variant.name(), ready.median(), time.median(),
                    variant.equals(baseline) ? "" : signed(time.median() - baseTime.median(), "ms"),
                    time.min(), time.max(), memory.median(),
                    variant.equals(baseline) ? "" : signed(memory.median() - baseMemory.median(), "MB")));
        });
        return lines;
    }

    private static String signed(double value, String unit) {
        return String.format(Locale.ROOT, "%+.0f %s", value, unit);
    }
}
