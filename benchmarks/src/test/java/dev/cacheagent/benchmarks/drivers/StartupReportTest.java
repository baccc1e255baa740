package dev.cacheagent.benchmarks.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupReportTest {
    @Test
    void table_showsMediansAndWhatEachVariantAddsToTheBaseline() {
        Variant plain = Variant.plain();
        Variant agent = new Variant("agent + a.yaml", List.of("-javaagent:a.jar"), Map.of());
        Map<Variant, List<Launch>> launches = new LinkedHashMap<>();
        launches.put(plain, List.of(new Launch(400, 500, 900, 100 * 1024), new Launch(420, 520, 950, 102 * 1024),
                new Launch(380, 480, 910, 98 * 1024)));
        launches.put(agent, List.of(new Launch(450, 560, 1100, 110 * 1024), new Launch(460, 580, 1150, 110 * 1024),
                new Launch(440, 540, 1120, 110 * 1024)));

        List<String> table = StartupReport.table(launches, plain, 3);

        assertThat(table).containsExactly(
                "| variant (3 runs each, medians) | to READY | to first response | added | added, paired "
                        + "| min – max | CPU to first response | added CPU | peak RSS | added RSS |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
                "| no agent | 400 ms | 500 ms |  |  | 480 – 520 ms | 910 ms |  | 100 MB |  |",
                "| agent + a.yaml | 450 ms | 560 ms | +60 ms | +60 ms | 540 – 580 ms | 1120 ms | +210 ms | 110 MB "
                        + "| +10 MB |");
    }

    @Test
    void pairedDifference_isTheMedianOfEachRunsOwnDifference_notTheDifferenceOfMedians() {
        // The machine's speed drifts from run to run, and one agent start is slow: in four runs of five the agent
        // adds 50 ms to that run's plain start, while the two medians, taken from different runs, differ by 350 ms.
        List<Launch> plain = List.of(launch(500), launch(600), launch(900), launch(1000), launch(400));
        List<Launch> agent = List.of(launch(550), launch(650), launch(950), launch(1050), launch(1100));

        assertThat(StartupReport.pairedDifference(agent, plain)).isEqualTo(50.0);
    }

    private static Launch launch(double firstResponseMillis) {
        return new Launch(firstResponseMillis - 50, firstResponseMillis, 1000, 100 * 1024);
    }
}
