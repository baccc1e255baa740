package dev.cacheagent.benchmarks;

import com.example.prompts.StylePromptService;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
import org.openjdk.jmh.annotations.Warmup;

/** The floor: a hit of the lookup cached by hand with its key {@code styleName.trim().toLowerCase()}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class HandWrittenCaches {
    String styleName = "Neon-Noir";
    final StylePromptService prompts = new StylePromptService();
    final Function<String, String> origin = prompts::getStylePromptWithoutRule;
    final Cache<String, String> caffeine =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(15)).build();
    final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();

    /** Fails the run unless both caches answer hits. */
    @Setup(Level.Trial)
    public void checkWhatIsCached() {
        OriginCalls.expectCached("caffeine", prompts::originCalls, this::caffeine);
        OriginCalls.expectCached("concurrentHashMap", prompts::originCalls, this::concurrentHashMap);
    }

    /** A Caffeine hit, the way a hand-written cache calls it. */
    @Benchmark
    public String caffeine() {
        return caffeine.get(styleName.trim().toLowerCase(), origin);
    }

    /** A ConcurrentHashMap hit. */
    @Benchmark
    public String concurrentHashMap() {
        return map.computeIfAbsent(styleName.trim().toLowerCase(), origin);
    }
}
