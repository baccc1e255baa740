package dev.cacheagent.benchmarks;

import com.example.prompts.FlaggedStylePromptService;
import com.example.prompts.PreviewPromptService;
import com.example.prompts.PreviewRequest;
import com.example.prompts.StylePromptService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded calls to the methods the benchmark rule file names. {@link WithAgent} runs them instrumented,
 * {@link WithoutAgent} runs the same bytecode in a JVM without the agent: the difference is what the agent costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class StylePromptCalls {
    /** Not a constant, so the JIT cannot fold it; upper-case letters, so lower-casing the key allocates. */
    String styleName = "Neon-Noir";
    PreviewRequest request = new PreviewRequest("https://img.example/portrait.png", "Neon-Noir", "16:9", "high");
    final StylePromptService prompts = new StylePromptService();
    final FlaggedStylePromptService flagged = new FlaggedStylePromptService();
    final PreviewPromptService previews = new PreviewPromptService();

    /** Fails the run when the methods are not cached (or cached) as this JVM's agent should make them. */
    @Setup(Level.Trial)
    public void checkWhatIsCached() {
        cachedWhenAttached("hit", prompts::originCalls, this::hit);
        cachedWhenAttached("hitDefaultKey", prompts::originCalls, this::hitDefaultKey);
        cachedWhenAttached("hitFirstArgumentKey", prompts::originCalls, this::hitFirstArgumentKey);
        cachedWhenAttached("hitRecordFieldsKey", previews::originCalls, this::hitRecordFieldsKey);
        OriginCalls.expectUncached("missNeverStored", prompts::originCalls, this::missNeverStored);
        OriginCalls.expectUncached("ruleSwitchedOff", flagged::originCalls, this::ruleSwitchedOff);
        if (agentAttached()) {
            OriginCalls.expectCached("ruleSwitchedOffAtRunTime", prompts::originCalls, this::ruleSwitchedOffAtRunTime);
            AdminApi.disableRule("switched-off-at-run-time");
        }
        OriginCalls.expectUncached("ruleSwitchedOffAtRunTime", prompts::originCalls, this::ruleSwitchedOffAtRunTime);
        OriginCalls.expectUncached("methodWithoutRule", prompts::originCalls, this::methodWithoutRule);
    }

    private void cachedWhenAttached(String method, LongSupplier originCalls, Supplier<String> call) {
        if (agentAttached()) {
            OriginCalls.expectCached(method, originCalls, call);
        } else {
            OriginCalls.expectUncached(method, originCalls, call);
        }
    }

    /** Whether this JVM runs with the agent. */
    abstract boolean agentAttached();

    /** A hit of the method, key {@code #styleName.trim().toLowerCase()}. */
    @Benchmark
    public String hit() {
        return prompts.getStylePrompt(styleName);
    }

    /** A hit, default key (all the arguments). */
    @Benchmark
    public String hitDefaultKey() {
        return prompts.getStylePromptByDefaultKey(styleName);
    }

    /** A hit, key {@code #p0}. */
    @Benchmark
    public String hitFirstArgumentKey() {
        return prompts.getStylePromptByFirstArgument(styleName);
    }

    /** A hit, key made of three fields of a record argument. */
    @Benchmark
    public String hitRecordFieldsKey() {
        return previews.getPreviewPrompt(request);
    }

    /** A miss that runs the origin and stores nothing ({@code unless: "true"}). */
    @Benchmark
    public String missNeverStored() {
        return prompts.getStylePromptNeverStored(styleName);
    }

    /** A method only an {@code enabled: false} rule names. */
    @Benchmark
    public String ruleSwitchedOff() {
        return flagged.getStylePrompt(styleName);
    }

    /** A method whose rule was switched off at run time through the admin API (it stays instrumented). */
    @Benchmark
    public String ruleSwitchedOffAtRunTime() {
        return prompts.getStylePromptSwitchedOffAtRunTime(styleName);
    }

    /** A method no rule names, in a class the agent instruments for its other methods. */
    @Benchmark
    public String methodWithoutRule() {
        return prompts.getStylePromptWithoutRule(styleName);
    }
}
