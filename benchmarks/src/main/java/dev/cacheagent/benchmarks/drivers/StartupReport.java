package dev.cacheagent.benchmarks.drivers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The startup table: medians per variant and what each adds to test-app without an agent. "added" is the
 * difference of the two medians; "added, paired" the median of each run's own difference (a run starts every
 * variant back to back), which the machine's drift over the minutes of a benchmark moves less.
 */
final class StartupReport {
    private StartupReport() {}

    static List<String> table(Map<Variant, List<Launch>> launches, Variant baseline, int runs) {
        List<Launch> base = launches.get(baseline);
        double baseTime = median(base, Launch::firstResponseMillis);
        double baseCpu = median(base, Launch::cpuMillis);
        double baseMemory = median(base, launch -> launch.peakResidentKilobytes() / 1024.0);
        List<String> lines = new ArrayList<>(List.of(
                "| variant (" + runs + " runs each, medians) | to READY | to first response | added | added, paired "
                        + "| min – max | CPU to first response | added CPU | peak RSS | added RSS |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"));
        launches.forEach((variant, runsOfVariant) -> {
            boolean isBase = variant.equals(baseline);
            Distribution time = Distribution.of(runsOfVariant.stream().map(Launch::firstResponseMillis).toList());
            double cpu = median(runsOfVariant, Launch::cpuMillis);
            double memory = median(runsOfVariant, launch -> launch.peakResidentKilobytes() / 1024.0);
            lines.add(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %s | %s | %.0f – %.0f ms | %.0f ms "
                            + "| %s | %.0f MB | %s |",
                    variant.name(), median(runsOfVariant, Launch::readyMillis), time.median(),
                    isBase ? "" : signed(time.median() - baseTime, "ms"),
                    isBase ? "" : signed(pairedDifference(runsOfVariant, base), "ms"), time.min(), time.max(),
                    cpu, isBase ? "" : signed(cpu - baseCpu, "ms"),
                    memory, isBase ? "" : signed(memory - baseMemory, "MB")));
        });
        return lines;
    }

    /** The median of run i's time minus the baseline's time in run i, over the runs both have. */
    static double pairedDifference(List<Launch> variant, List<Launch> baseline) {
        List<Double> differences = new ArrayList<>();
        for (int run = 0; run < Math.min(variant.size(), baseline.size()); run++) {
            differences.add(variant.get(run).firstResponseMillis() - baseline.get(run).firstResponseMillis());
        }
        return Distribution.of(differences).median();
    }

    private static double median(List<Launch> launches, ToDoubleFunction<Launch> figure) {
        return Distribution.of(launches.stream().map(launch -> figure.applyAsDouble(launch)).toList()).median();
    }

    private static String signed(double value, String unit) {
        return String.format(Locale.ROOT, "%+.0f %s", value, unit);
    }
}
