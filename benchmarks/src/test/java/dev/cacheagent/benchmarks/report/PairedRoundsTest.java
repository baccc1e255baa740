package dev.cacheagent.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedRoundsTest {
    /** One JMH sample-mode result as {@code -rf json} writes it. */
    private static String result(String benchmark, double mean, double median, String unit) {
        return """
                [{"benchmark": "dev.cacheagent.benchmarks.%s", "mode": "sample",
                  "primaryMetric": {"score": %s, "scoreUnit": "%s",
                                    "scorePercentiles": {"0.0": 1.0, "50.0": %s, "100.0": 900.0}}}]
                """.formatted(benchmark, mean, unit, median);
    }

    private static void round(Path dir, int number, double aMean, double aMedian, double bMean, double bMedian)
            throws Exception {
        Files.writeString(dir.resolve(number + "-hitRedis.json"), result("RedisTiers.hitRedis", aMean, aMedian, "us/op"));
        Files.writeString(dir.resolve(number + "-jedisGet.json"), result("RedisTiers.jedisGet", bMean, bMedian, "us/op"));
    }

    @Test
    void table_givesEachRoundsRatiosAndTheMedianRound(@TempDir Path dir) throws Exception {
        round(dir, 1, 44, 40, 40, 40);
        round(dir, 2, 60, 55, 40, 50);
        round(dir, 3, 42, 36, 42, 36);

        assertThat(PairedRounds.read(dir, "hitRedis", "jedisGet").table()).containsExactly(
                "| round | hitRedis mean / p50 | jedisGet mean / p50 | ratio of means | ratio of p50s |",
                "|---:|---:|---:|---:|---:|",
                "| 1 | 44.0 / 40.0 µs | 40.0 / 40.0 µs | 1.100× | 1.000× |",
                "| 2 | 60.0 / 55.0 µs | 40.0 / 50.0 µs | 1.500× | 1.100× |",
                "| 3 | 42.0 / 36.0 µs | 42.0 / 36.0 µs | 1.000× | 1.000× |",
                "| **median round** | | | **1.100×** | **1.000×** |");
    }

    @Test
    void median_ofAnEvenCount_isTheMeanOfTheMiddleTwo() {
        assertThat(PairedRounds.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void read_aResultInAnotherModeOrUnit_isRefusedWithWhatToRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1-hitRedis.json"), result("RedisTiers.hitRedis", 44_000, 40_000, "ns/op"));
        Files.writeString(dir.resolve("1-jedisGet.json"), result("RedisTiers.jedisGet", 40, 40, "us/op"));

        assertThatThrownBy(() -> PairedRounds.read(dir, "hitRedis", "jedisGet"))
                .hasMessageContaining("-bm sample -tu us");
    }

    @Test
    void read_noRound_saysWhichFileItLookedFor(@TempDir Path dir) {
        assertThatThrownBy(() -> PairedRounds.read(dir, "hitRedis", "jedisGet"))
                .hasMessageContaining("1-hitRedis.json");
    }
}
