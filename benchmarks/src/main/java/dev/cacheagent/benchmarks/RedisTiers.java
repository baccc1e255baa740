package dev.cacheagent.benchmarks;

import com.example.prompts.SharedStylePromptService;
import java.time.Duration;
import java.util.Objects;
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
import redis.clients.jedis.JedisPooled;

/**
 * Hits of the method cached in Redis by the agent ({@code redis-benchmarks.yaml}): from the local copy of a
 * two-level cache, and from Redis itself; beside a raw Jedis {@code GET} of the very entry the agent stored.
 * Needs the Redis at {@code REDIS_URL} (default {@code redis://127.0.0.1:6379}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = Forks.WITH_AGENT_AND_REDIS)
public class RedisTiers {
    /** Where the agent keeps the {@code redis} rule's entry: {@code <keyPrefix><cache>:<key>}. */
    static final String REDIS_ENTRY = "cache-agent-bench:redis-prompts:neon-noir";
    private static final String TWO_LEVEL_ENTRY = "cache-agent-bench:two-level-prompts:neon-noir";
    /** How long the agent may take to store an entry in Redis and to subscribe to its invalidation channel. */
    private static final Duration SETTLING = Duration.ofSeconds(10);

    String styleName = "Neon-Noir";
    final SharedStylePromptService prompts = new SharedStylePromptService();
    JedisPooled jedis;

    /** Starts from empty entries and fails the run unless the agent caches both methods in Redis. */
    @Setup(Level.Trial)
    public void start() {
        jedis = new JedisPooled(Objects.requireNonNullElse(System.getenv("REDIS_URL"), "redis://127.0.0.1:6379"));
        jedis.del(REDIS_ENTRY, TWO_LEVEL_ENTRY);
        OriginCalls.expectCachedWithin(SETTLING, "hitTwoLevelLocalCopy", prompts::originCalls,
                this::hitTwoLevelLocalCopy);
        OriginCalls.expectCachedWithin(SETTLING, "hitRedis", prompts::originCalls, this::hitRedis);
        String stored = jedis.get(REDIS_ENTRY);
        if (!prompts.getStylePromptFromRedis(styleName).equals(stored)) {
            throw new IllegalStateException("the agent's entry is not at " + REDIS_ENTRY + " (found " + stored
                    + "): the raw GET would not read what the agent reads");
        }
    }

    /** Closes the raw client. */
    @TearDown(Level.Trial)
    public void stop() {
        jedis.close();
    }

    /** A hit on the two-level cache's local copy. */
    @Benchmark
    public String hitTwoLevelLocalCopy() {
        return prompts.getStylePrompt(styleName);
    }

    /** A hit on the Redis tier: the key, one pipelined round trip (PTTL, GETRANGE, the epoch GET), string codec. */
    @Benchmark
    public String hitRedis() {
        return prompts.getStylePromptFromRedis(styleName);
    }

    /** The floor for {@link #hitRedis}: a raw Jedis GET of the same entry, key already built. */
    @Benchmark
    public String jedisGet() {
        return jedis.get(REDIS_ENTRY);
    }
}
