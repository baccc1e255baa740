package dev.cacheagent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.cache.redis.ValueType;
import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.CacheSpec.Codec;
import dev.cacheagent.config.CacheSpec.Tier;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;

/** The shared tiers against a real Redis, each test as two instances of a service sharing it. */
class RedisTierTest {
    private final RedisServer redis = new RedisServer();
    private final SharedTiers first = redis.instance();
    private final SharedTiers second = redis.instance();

    @AfterEach
    void close() {
        first.close();
        second.close();
        redis.close();
    }

    private static CacheTier cache(SharedTiers instance, Tier tier, Codec codec, String valueType) {
        CacheSpec spec = RedisServer.spec("c", tier, codec, List.of());
        return instance.build(spec).forValues(new ValueType(valueType, null));
    }

    private static Object load(CacheTier cache, String key, Object value) {
        Load load = cache.beginLoad(key);
        ((Load.Leader) load).flight().succeed(value, true);
        return value;
    }

    @Test
    void redisTier_valueLoadedOnOneInstance_isAHitOnAnother() {
        CacheTier one = cache(first, Tier.REDIS, Codec.JSON, "java.util.List<java.lang.Integer>");
        CacheTier two = cache(second, Tier.REDIS, Codec.JSON, "java.util.List<java.lang.Integer>");
        load(one, "k", List.of(1, 2, 3));
        RedisServer.await("the background write", () -> two.get("k") != null);
        CacheEntry hit = two.get("k");
        assertThat(hit.value()).isEqualTo(List.of(1, 2, 3));
        assertThat(hit.tier()).isEqualTo("redis");
        assertThat(hit.source()).isEqualTo(CacheEntry.Source.ORIGIN);
    }

    @Test
    void stringCodec_storesPlainText_readableByRedisCli() {
        CacheTier one = cache(first, Tier.REDIS, Codec.STRING, "java.lang.String");
        load(one, "prompt", "You are helpful.");
        RedisServer.await("the background write", () -> redis.direct.get(redis.prefix + "c:prompt") != null);
        assertThat(redis.direct.get(redis.prefix + "c:prompt")).isEqualTo("You are helpful.");
    }

    @Test
    void loadOvertakenByAnEvictionOnAnotherInstance_doesNotWriteBack() {
        CacheTier one = cache(first, Tier.REDIS, Codec.STRING, "java.lang.String");
        CacheTier two = cache(second, Tier.REDIS, Codec.STRING, "java.lang.String");
        Flight slow = ((Load.Leader) one.beginLoad("k")).flight();
        two.invalidate("k");
        slow.succeed("stale", true);
        load(two, "k", "fresh");
        RedisServer.await("the fresh value", () -> two.get("k") != null);
        assertThat(one.get("k").value()).isEqualTo("fresh");
    }

    @Test
    void loadOvertakenByAPatternEvictionOnAnotherInstance_doesNotWriteBack() {
        CacheTier one = cache(first, Tier.REDIS, Codec.STRING, "java.lang.String");
        CacheTier two = cache(second, Tier.REDIS, Codec.STRING, "java.lang.String");
        Flight slow = ((Load.Leader) one.beginLoad("p1:s1")).flight();
        two.invalidateMatching("p1:*");
        slow.succeed("stale", true);
        // Written by the same instance's writer as the overtaken load, so after its check of the epoch.
        load(one, "marker", "written after");
        RedisServer.await("the later write", () -> two.get("marker") != null);
        assertThat(two.get("p1:s1")).isNull();
    }

    @Test
    void patternEviction_removesMatchingKeysOnly() {
        CacheTier one = cache(first, Tier.REDIS, Codec.STRING, "java.lang.String");
        one.store("p1:a", "1", CacheEntry.Source.PUT);
        one.store("p1:b", "2", CacheEntry.Source.PUT);
        one.store("p2:a", "3", CacheEntry.Source.PUT);
        one.invalidateMatching("p1:*");
        assertThat(one.get("p1:a")).isNull();
        assertThat(one.get("p1:b")).isNull();
        assertThat(one.get("p2:a").value()).isEqualTo("3");
        assertThat(one.get("p2:a").source()).isEqualTo(CacheEntry.Source.ORIGIN);
    }

    @Test
    void twoLevel_putOnOneInstance_dropsTheLocalCopyOnAnother() {
        CacheTier one = cache(first, Tier.TWO_LEVEL, Codec.JSON, "java.lang.String");
        CacheTier two = cache(second, Tier.TWO_LEVEL, Codec.JSON, "java.lang.String");
        one.store("k", "v1", CacheEntry.Source.PUT);
        assertThat(two.get("k").tier()).isEqualTo("redis");
        // The put's own message may still drop the first copy: the next read from Redis keeps one.
        RedisServer.await("a local copy", () -> two.get("k").tier().equals("local"));
        one.store("k", "v2", CacheEntry.Source.PUT);
        RedisServer.await("the invalidation message", () -> "v2".equals(two.get("k").value()));
        assertThat(two.get("k").source()).isEqualTo(CacheEntry.Source.PUT);
    }

    @Test
    void twoLevel_loadOvertakenInRedisBeforeAnyMessage_keepsNoLocalCopyOfItsValue() {
        CacheTier one = cache(first, Tier.TWO_LEVEL, Codec.STRING, "java.lang.String");
        Flight slow = ((Load.Leader) one.beginLoad("k")).flight();
        redis.direct.set(redis.prefix + "c:k", "newer"); // another writer, whose message has not arrived
        slow.succeed("stale", true);
        load(one, "marker", "written after");
        // One writer thread, in order: once the later value is in Redis, the stale one was tried before it.
        RedisServer.await("the later write", () -> redis.direct.get(redis.prefix + "c:marker") != null);
        assertThat(one.get("k").value()).isEqualTo("newer");
    }

    @Test
    void randomBytes_areAMissAndATierError() {
        CacheTier one = cache(first, Tier.REDIS, Codec.JSON, "java.lang.String");
        redis.direct.set(redis.key("c", "k"), new byte[] {(byte) 0xff, 0, 17, (byte) 0x80});
        assertThat(one.get("k")).isNull();
        assertThat(one.tierErrors()).isEqualTo(1);
        assertThat(redis.events).anyMatch(e -> e.event().equals("tier_error") && "c".equals(e.cache()));
    }

    @Test
    void jsonOfTheWrongShape_isAMiss() {
        CacheTier one = cache(first, Tier.REDIS, Codec.JSON, "java.util.List<java.lang.Integer>");
        redis.direct.set(redis.prefix + "c:k", "{\"cacheAgent\":1,\"source\":\"origin\",\"storedAt\":0,"
                + "\"value\":{\"not\":\"a list\"}}");
        assertThat(one.get("k")).isNull();
        assertThat(one.tierErrors()).isEqualTo(1);
    }

    @Test
    void valueLongerThanTheFirstRead_isReadWhole() {
        CacheTier one = cache(first, Tier.REDIS, Codec.STRING, "java.lang.String");
        String large = "x".repeat(100_000) + "end";
        redis.direct.set(redis.prefix + "c:k", large);

        assertThat(one.get("k").value()).isEqualTo(large);
    }

    @Test
    void valueExactlyAsLongAsTheFirstRead_isReadWhole() {
        CacheTier one = cache(first, Tier.REDIS, Codec.STRING, "java.lang.String");
        String exact = "y".repeat(64 * 1024);
        redis.direct.set(redis.prefix + "c:k", exact);

        assertThat(one.get("k").value()).isEqualTo(exact);
    }

    @Test
    void emptyValue_isAHitNotAMiss() {
        CacheTier one = cache(first, Tier.REDIS, Codec.STRING, "java.lang.String");
        redis.direct.set(redis.prefix + "c:k", "");

        assertThat(one.get("k").value()).isEqualTo("");
    }

    @Test
    void oversizedValue_isAMissWithoutBeingRead() {
        CacheTier one = cache(first, Tier.REDIS, Codec.STRING, "java.lang.String");
        redis.direct.setrange(redis.prefix + "c:k", 17L * 1024 * 1024, "x");
        assertThat(one.get("k")).isNull();
        assertThat(one.tierErrors()).isEqualTo(1);
    }

    @Test
    void javaCodec_classOutsideTheAllowList_isAMissAndNeverInitialised() throws IOException {
        CacheTier one = cache(first, Tier.REDIS, Codec.JAVA, "java.lang.String");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write("CAJ1".getBytes(StandardCharsets.US_ASCII));
            out.writeUTF("origin");
            out.writeLong(System.currentTimeMillis());
            ObjectOutputStream objects = new ObjectOutputStream(out);
            // Written by name through a stand-in stream so that this test itself never loads the class.
            objects.writeObject(new GadgetStandIn());
            objects.flush();
        }
        byte[] poisoned = GadgetStandIn.renamed(bytes.toByteArray());
        redis.direct.set(redis.key("c", "k"), poisoned);
        assertThat(one.get("k")).isNull();
        assertThat(one.tierErrors()).isEqualTo(1);
        assertThat(System.getProperty("fixture.poison.Gadget.initialised")).isNull();
    }

    @Test
    void javaCodec_allowedValue_roundTrips() {
        CacheTier one = cache(first, Tier.REDIS, Codec.JAVA, "java.util.List<java.lang.String>");
        one.store("k", new java.util.ArrayList<>(List.of("a", "b")), CacheEntry.Source.PUT);
        assertThat(one.get("k").value()).isEqualTo(List.of("a", "b"));
    }

    @Test
    void missThenLoad_redisSlowButWithinTheTimeout_waitsForOneRoundTripNotThree() throws IOException {
        Duration roundTrip = Duration.ofMillis(100);
        long subscribedBefore = subscribers(redis.prefix + "cache-agent:invalidate");
        try (SlowRedisProxy slow = SlowRedisProxy.start(6379, roundTrip)) {
            SharedTiers tiers = SharedTiers.open(redis.settings(slow.url(), Duration.ofSeconds(1)), redis.log,
                    Clock.system());
            try {
                CacheTier cache = tiers.build(RedisServer.spec("c", Tier.REDIS, Codec.STRING, List.of()))
                        .forValues(new ValueType("java.lang.String", null));
                RedisServer.await("the connection", tiers::isUp);
                assertThat(cache.get("warm-up")).as("a first lookup, which opens the connection").isNull();
                RedisServer.await("the invalidation subscription through the proxy",
                        () -> subscribers(redis.prefix + "cache-agent:invalidate") > subscribedBefore);

                int requestsBefore = slow.requests();
                assertThat(cache.get("k")).isNull();
                Load load = cache.beginLoad("k");
                int roundTrips = slow.requests() - requestsBefore;

                // The lookup read what the load must remember in the same round trip; before, the load began with
                // two more (the key and the cache's epoch): three round trips, longer than the timeout in total.
                assertThat(roundTrips).isEqualTo(1);
                ((Load.Leader) load).flight().succeed("loaded", true);
                RedisServer.await("the background write", () -> "loaded".equals(redis.direct.get(redis.prefix + "c:k")));
            } finally {
                tiers.close();
            }
        }
    }

    private long subscribers(String channel) {
        return (Long) ((List<?>) redis.direct.sendCommand(Protocol.Command.PUBSUB, "NUMSUB", channel)).get(1);
    }

    @Test
    void redisDown_lookupIsAMissWithinTheTimeout() {
        SharedTiers down = SharedTiers.open(redis.settings("redis://127.0.0.1:1"), redis.log, Clock.system());
        try {
            CacheTier cache = down.build(RedisServer.spec("c", Tier.REDIS, Codec.JSON, List.of()));
            long start = System.nanoTime();
            assertThat(cache.get("k")).isNull();
            assertThat(cache.beginLoad("k")).isInstanceOf(Load.Leader.class);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
        } finally {
            down.close();
        }
    }
}
