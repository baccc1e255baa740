package dev.cacheagent.cache;

import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.RedisSettings;
import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.JedisPooled;

/**
 * The Redis every machine of this project runs on 127.0.0.1:6379 (see {@code .ci/run}), used under a key
 * prefix of its own per test, so tests never see each other's keys.
 */
final class RedisServer {
    static final String URL = "redis://127.0.0.1:6379";

    final String prefix = "test-" + UUID.randomUUID() + ":";
    final List<Event> events = new CopyOnWriteArrayList<>();
    final EventLog log = new EventLog() {
        @Override
        public void emit(Event event) {
            events.add(event);
        }

        @Override
        public void close() {}
    };
    final JedisPooled direct = new JedisPooled(URL);

    RedisSettings settings(String url) {
        return settings(url, Duration.ofMillis(300));
    }

    RedisSettings settings(String url, Duration timeout) {
        return new RedisSettings(url, null, null, prefix, timeout, 8, 3, Duration.ofSeconds(30), null);
    }

    /** An instance of the agent's shared tiers, connected (a bounded wait for the background connection). */
    SharedTiers instance() {
        SharedTiers tiers = SharedTiers.open(settings(URL), log, Clock.system());
        await("the connection and subscription", () -> tiers.isUp() && tiers.isSubscribed());
        return tiers;
    }

    static CacheSpec spec(String name, CacheSpec.Tier tier, CacheSpec.Codec codec, List<String> allowClasses) {
        return new CacheSpec(name, tier, Duration.ofMinutes(5), tier == CacheSpec.Tier.REDIS ? 0 : 100, 0,
                tier == CacheSpec.Tier.TWO_LEVEL ? Duration.ofMinutes(1) : null, null, null, codec, allowClasses,
                null);
    }

    /** Polls for at most 5 s: background writes and messages arrive in milliseconds. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited 5 s for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    byte[] key(String cache, String key) {
        return (prefix + cache + ":" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    void close() {
        for (String key : direct.keys(prefix + "*")) {
            direct.del(key);
        }
        direct.close();
    }
}
