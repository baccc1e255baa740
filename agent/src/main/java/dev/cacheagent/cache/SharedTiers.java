package dev.cacheagent.cache;

import dev.cacheagent.cache.redis.Codecs;
import dev.cacheagent.cache.redis.Invalidations;
import dev.cacheagent.cache.redis.RedisConnection;
import dev.cacheagent.cache.redis.ValueCodec;
import dev.cacheagent.cache.redis.ValueType;
import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.RedisSettings;
import dev.cacheagent.observe.EventLog;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What the caches of tier {@code redis} and {@code two-level} share: the connection, the invalidation
 * channel, the codecs and the background writer that stores loaded values, so that an application
 * thread never waits for a write.
 */
public final class SharedTiers implements AutoCloseable {
    /** Writes waiting beyond this are dropped (and reported): memory stays bounded while Redis is slow. */
    private static final int MAX_PENDING_WRITES = 10_000;

    private final RedisConnection redis;
    private final Invalidations invalidations;
    private final Codecs codecs;
    private final ThreadPoolExecutor writer;
    private final Clock clock;

    private SharedTiers(RedisConnection redis, Invalidations invalidations, Codecs codecs, Clock clock) {
        this.redis = redis;
        this.invalidations = invalidations;
        this.codecs = codecs;
        this.clock = clock;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_PENDING_WRITES), runnable -> {
                    Thread thread = new Thread(runnable, "cache-agent-redis-writer");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Starts connecting to Redis in the background and returns at once. The thread that connects then makes
     * the JSON mapper too, if a cache needs one: the first values read or written need not wait for it, and
     * the application's start does not.
     */
    public static SharedTiers open(RedisSettings settings, EventLog events, Clock clock) {
        Codecs codecs = new Codecs();
        RedisConnection redis = RedisConnection.open(settings, events, codecs::prepare);
        return new SharedTiers(redis, Invalidations.start(redis), codecs, clock);
    }

    /**
     * Shared tiers that never connect, for {@code validate}'s dry run: rules bind to them as they would
     * in the agent (codecs included), and nothing talks to Redis.
     */
    public static SharedTiers offline(RedisSettings settings, EventLog events, Clock clock) {
        RedisConnection redis = RedisConnection.offline(settings, events);
        return new SharedTiers(redis, Invalidations.offline(redis), new Codecs(), clock);
    }

    /** The tier of a cache whose tier is {@code redis} or {@code two-level}. */
    CacheTier build(CacheSpec spec) {
        RedisEntries entries = new RedisEntries(spec.name(), redis, EntryLifetime.of(spec, new Random()), clock,
                System::currentTimeMillis, writer);
        Function<ValueType, ValueCodec> forType = type -> codecs.of(spec.codec(), spec.allowClasses(), type);
        return switch (spec.tier()) {
            case REDIS -> new RedisTier(entries, forType);
            case TWO_LEVEL -> new TwoLevelTier(entries,
                    new LocalCopies(spec.maxEntries(), spec.localTtl(), clock), invalidations, forType);
            case LOCAL -> throw new IllegalArgumentException("cache '" + spec.name() + "' is local");
        };
    }

    /** Whether Redis answers now (connected, circuit closed), for health views. */
    public boolean isUp() {
        return redis.isUp();
    }

    /** Whether invalidation messages reach this instance now. */
    public boolean isSubscribed() {
        return invalidations.isLive();
    }

    @Override
    public void close() {
        invalidations.close();
        writer.shutdown();
        try {
            writer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        redis.close();
    }
}
