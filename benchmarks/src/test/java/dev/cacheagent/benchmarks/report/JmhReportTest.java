package dev.cacheagent.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhReportTest {
    /** One JMH result as {@code -rf json} writes it, with the allocation {@code -prof gc} adds. */
    private static String result(String benchmark, double score, double error, double cpu, double bytes) {
        return """
                {"benchmark": "dev.cacheagent.benchmarks.%s", "mode": "avgt",
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "ns/op"},
                 "secondaryMetrics": {"cpu.time.norm": {"score": %s, "scoreUnit": "ns/op"},
                                      "gc.alloc.rate.norm": {"score": %s, "scoreUnit": "B/op"}}}
                """.formatted(benchmark, score, error, cpu, bytes);
    }

    private static JmhReport report(Path dir, String... results) throws Exception {
        return JmhReport.read(Files.writeString(dir.resolve("jmh.json"), "[" + String.join(",", results) + "]"));
    }

    @Test
    void tables_giveEachHitAsAMultipleOfHandWrittenCaffeine(@TempDir Path dir) throws Exception {
        JmhReport report = report(dir, result("HandWrittenCaches.caffeine", 40, 1, 30, 56),
                result("WithAgent.hit", 50, 2, 45, 80));

        assertThat(report.tables()).contains(
                "| hand-written Caffeine | `styleName.trim().toLowerCase()` | 40.0 ± 1.0 ns | 30.0 ns | 1.00× / 1.00× "
                        + "| 56 B | 34 ns |",
                "| **cache-agent** | `#styleName.trim().toLowerCase()` | 50.0 ± 2.0 ns | 45.0 ns | 1.25× / 1.50× "
                        + "| 80 B | – |");
    }

    @Test
    void tables_giveWhatTheAgentAddsOverTheBareMethodWithBothErrors(@TempDir Path dir) throws Exception {
        JmhReport report = report(dir, result("WithoutAgent.missNeverStored", 20, 0.5, 18, 56),
                result("WithAgent.missNeverStored", 95, 3, 60, 200));

        assertThat(report.tables()).contains("| miss: looks up, runs the origin, stores nothing (`unless: \"true\"`) "
                + "| 20.0 ± 0.5 ns / 18.0 ns | 95.0 ± 3.0 ns / 60.0 ns | +75.0 ± 3.5 ns | +42.0 ns | 56 B / 200 B |");
    }

    @Test
    void tables_giveTheRedisHitAsAMultipleOfTheRawJedisGet(@TempDir Path dir) throws Exception {
        JmhReport report = report(dir, result("RedisTiers.jedisGet", 50_000, 1_000, 20_000, 400),
                result("RedisTiers.hitRedis", 55_000, 2_000, 22_000, 900));

        assertThat(report.tables()).contains("| agent, `tier: redis` hit (key, pipelined `PTTL`, `GETRANGE`, "
                + "epoch `GET`, string codec) | 55000.0 ± 2000.0 ns | 22000.0 ns | 1.100× | 900 B |");
    }

    @Test
    void tables_markBenchmarksMissingFromTheRun(@TempDir Path dir) throws Exception {
        JmhReport report = report(dir, result("HandWrittenCaches.caffeine", 40, 1, 30, 56));

        assertThat(report.tables()).contains(
                "| Spring `@Cacheable` + Caffeine | default (the argument) | not run | | | | 190 ns |");
    }

    @Test
    void read_resultsInAnotherUnit_saysWhichOptionsTheReportReads(@TempDir Path dir) throws Exception {
        Path results = Files.writeString(dir.resolve("jmh.json"), """
                [{"benchmark": "dev.cacheagent.benchmarks.WithAgent.hit", "primaryMetric": {"score": 1,
                  "scoreError": 0, "scoreUnit": "ops/us"}}]""");

        assertThatThrownBy(() -> JmhReport.read(results))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dev.cacheagent.benchmarks.WithAgent.hit is in ops/us;"
                        + " the report reads average times in ns/op (-bm avgt -tu ns)");
    }

    @Test
    void shortName_keepsTheClassAndTheMethod() {
        assertThat(Score.shortName("dev.cacheagent.benchmarks.ContendedWithAgent.missSingleFlight"))
                .isEqualTo("ContendedWithAgent.missSingleFlight");
    }
}
