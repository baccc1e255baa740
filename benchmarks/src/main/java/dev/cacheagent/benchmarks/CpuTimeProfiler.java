package dev.cacheagent.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time the benchmark JVM spent per operation ({@code -prof dev.cacheagent.benchmarks.CpuTimeProfiler}): the
 * process's CPU time over an iteration divided by the operations it completed, reported as {@code cpu.time.norm}.
 *
 * <p>On a machine shared with other work, average time also counts the moments the benchmark thread waited for a
 * core; CPU time does not, so it stays comparable between benchmarks that ran at different loads. It includes the
 * JVM's own threads (garbage collection, compilation), which is part of what a call costs.
 */
public class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation (cpu.time.norm)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long operations = result.getMetadata().getAllOps();
        if (operations == 0) {
            return List.of();
        }
        double nanosPerOperation = (double) (os.getProcessCpuTime() - cpuAtStart) / operations;
        return List.of(new ScalarResult("cpu.time.norm", nanosPerOperation, "ns/op", AggregationPolicy.AVG));
    }
}
