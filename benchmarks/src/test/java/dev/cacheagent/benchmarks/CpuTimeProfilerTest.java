package dev.cacheagent.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.Result;

class CpuTimeProfilerTest {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Spins until the process has used at least this much CPU time. */
    private static void burn(long cpuNanos) {
        long until = OS.getProcessCpuTime() + cpuNanos;
        while (OS.getProcessCpuTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static IterationResult iteration(long operations) {
        return new IterationResult(null, null, new IterationResultMetaData(operations, operations));
    }

    @Test
    void afterIteration_dividesTheIterationsCpuTimeByItsOperations() {
        CpuTimeProfiler profiler = new CpuTimeProfiler();

        profiler.beforeIteration(null, null);
        burn(20_000_000);
        List<? extends Result> results = List.copyOf(
                profiler.afterIteration(null, null, iteration(1_000)));

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.getLabel()).isEqualTo("cpu.time.norm");
            assertThat(result.getScoreUnit()).isEqualTo("ns/op");
            assertThat(result.getScore()).isGreaterThanOrEqualTo(20_000.0);
        });
    }

    @Test
    void afterIteration_withoutOperations_reportsNothing() {
        CpuTimeProfiler profiler = new CpuTimeProfiler();

        profiler.beforeIteration(null, null);

        assertThat(profiler.afterIteration(null, null, iteration(0)))
                .isEmpty();
    }
}
