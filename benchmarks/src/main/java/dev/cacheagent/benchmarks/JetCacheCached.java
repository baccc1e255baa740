package dev.cacheagent.benchmarks;

import dev.cacheagent.benchmarks.baselines.CachedPrompts;
import dev.cacheagent.benchmarks.baselines.JetCacheConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * A hit of the lookup cached with JetCache {@code @Cached} over its Caffeine local cache, through the
 * framework's proxy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class JetCacheCached {
    String styleName = "Neon-Noir";
    AnnotationConfigApplicationContext context;
    CachedPrompts prompts;

    /** Starts the application context and fails the run unless both methods answer hits. */
    @Setup(Level.Trial)
    public void start() {
        context = new AnnotationConfigApplicationContext(JetCacheConfig.class);
        prompts = context.getBean(CachedPrompts.class);
        OriginCalls.expectCached("defaultKey", prompts::originCalls, this::defaultKey);
        OriginCalls.expectCached("expressionKey", prompts::originCalls, this::expressionKey);
    }

    /** Closes the application context. */
    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    /** A hit with the framework's default key (the argument). */
    @Benchmark
    public String defaultKey() {
        return prompts.getStylePrompt(styleName);
    }

    /** A hit with the SpEL key {@code #styleName.trim().toLowerCase()}. */
    @Benchmark
    public String expressionKey() {
        return prompts.getStylePromptByExpressionKey(styleName);
    }
}
