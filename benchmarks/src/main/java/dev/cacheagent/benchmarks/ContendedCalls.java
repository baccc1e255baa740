package dev.cacheagent.benchmarks;

import com.example.prompts.SlowStylePromptService;
import com.example.prompts.StylePromptService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two threads calling one method with one key at the same time: hits on one entry, and misses that single flight
 * folds into one origin call. {@link ContendedWithAgent} and {@link ContendedWithoutAgent} run the same calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(2)
public abstract class ContendedCalls {
    /** About a microsecond of origin work: long enough for the two threads' misses to overlap. */
    private static final int ORIGIN_WORK = 1000;

    String styleName = "Neon-Noir";
    final StylePromptService prompts = new StylePromptService();
    final SlowStylePromptService slowPrompts = new SlowStylePromptService(ORIGIN_WORK);

    /** Fails the run when the hit is not cached as this JVM's agent should make it. */
    @Setup(Level.Trial)
    public void checkWhatIsCached() {
        if (agentAttached()) {
            OriginCalls.expectCached("hit", prompts::originCalls, this::hit);
        } else {
            OriginCalls.expectUncached("hit", prompts::originCalls, this::hit);
        }
        OriginCalls.expectUncached("missSingleFlight", slowPrompts::originCalls, this::missSingleFlight);
    }

    /** Whether this JVM runs with the agent. */
    abstract boolean agentAttached();

    /** Both threads hit one entry (key {@code #styleName.trim().toLowerCase()}). */
    @Benchmark
    public String hit() {
        return prompts.getStylePrompt(styleName);
    }

    /** Both threads miss on one key ({@code unless: "true"}); concurrent misses share one origin call. */
    @Benchmark
    public String missSingleFlight() {
        return slowPrompts.getStylePrompt(styleName);
    }
}
