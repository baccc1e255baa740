package dev.cacheagent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.cache.redis.ValueType;
import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.CacheSpec.Codec;
import dev.cacheagent.config.CacheSpec.Tier;
import dev.cacheagent.config.Position;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** refreshAhead, staleIfError and background sources on the shared tiers, against a real Redis. */
class SharedLiveFeaturesTest {
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration STALE = Duration.ofHours(1);

    private final RedisServer redis = new RedisServer();
    private final SharedTiers first = redis.instance();
    private final SharedTiers second = redis.instance();
    private final Clock clock = Clock.system();

    @AfterEach
    void close() {
        first.close();
        second.close();
        redis.close();
    }

    private static CacheTier cache(SharedTiers instance, Tier tier, Codec codec, Double refreshAhead,
            Duration staleIfError) {
        CacheSpec spec = new CacheSpec("c", tier, TTL, tier == Tier.REDIS ? 0 : 100, 0,
                tier == Tier.TWO_LEVEL ? Duration.ofMinutes(1) : null, refreshAhead, staleIfError, codec, List.of(),
                new Position("rules.yaml", 1, 1));
        return instance.build(spec).forValues(new ValueType("java.lang.String", null));
    }

    @Test
    void store_withStaleIfError_keepsTheValueInRedisForTheTtlAndThenTheStaleWindow() {
        CacheTier cache = cache(first, Tier.REDIS, Codec.STRING, null, STALE);

        cache.store("k", "v", CacheEntry.Source.PUT);

        assertThat(redis.direct.pttl(redis.prefix + "c:k")).isGreaterThan(TTL.toMillis())
                .isLessThanOrEqualTo(TTL.plus(STALE).toMillis());
    }

    @Test
    void get_withStaleIfError_readsAFreshValueBackAsFreshWithItsStaleWindow() {
        cache(first, Tier.REDIS, Codec.STRING, null, STALE).store("k", "v", CacheEntry.Source.PUT);

        CacheEntry entry = cache(second, Tier.REDIS, Codec.STRING, null, STALE).get("k");

        assertThat(entry.isFreshAt(clock.nanoTime())).isTrue();
        assertThat(entry.staleUntil() - entry.expiresAt()).isEqualTo(STALE.toNanos());
    }

    @Test
    void get_withStaleIfError_valuePastItsTtl_isReadBackExpiredButServableOnError() {
        // Half an hour left of ttl + staleIfError: it expired half an hour ago.
        redis.direct.psetex(redis.prefix + "c:k", Duration.ofMinutes(30).toMillis(), "v");

        CacheEntry entry = cache(first, Tier.REDIS, Codec.STRING, null, STALE).get("k");

        long now = clock.nanoTime();
        assertThat(entry.isFreshAt(now)).isFalse();
        assertThat(entry.isServableOnErrorAt(now)).isTrue();
        assertThat(entry.ageNanos(now)).isGreaterThan(TTL.plusMinutes(29).toNanos());
    }

    @Test
    void get_withRefreshAhead_valuePastTheShareOfItsTtl_isDue() {
        // One minute left of a ten-minute ttl: older than 80% of it.
        redis.direct.psetex(redis.prefix + "c:k", Duration.ofMinutes(1).toMillis(), "v");

        CacheEntry entry = cache(first, Tier.REDIS, Codec.STRING, 0.8, null).get("k");

        long now = clock.nanoTime();
        assertThat(entry.isFreshAt(now)).isTrue();
        assertThat(entry.isRefreshDueAt(now)).isTrue();
    }

    @Test
    void get_withRefreshAhead_youngValue_isNotDue() {
        cache(first, Tier.REDIS, Codec.STRING, 0.8, null).store("k", "v", CacheEntry.Source.PUT);

        CacheEntry entry = cache(second, Tier.REDIS, Codec.STRING, 0.8, null).get("k");

        assertThat(entry.isRefreshDueAt(clock.nanoTime())).isFalse();
    }

    @Test
    void loadBegunAsAWarmup_isStoredAndReadBackByAnotherInstanceAsAWarmup() {
        CacheTier one = cache(first, Tier.REDIS, Codec.JSON, null, null);
        CacheTier two = cache(second, Tier.REDIS, Codec.JSON, null, null);

        ((Load.Leader) one.beginLoad("k", CacheEntry.Source.WARMUP)).flight().succeed("v", true);

        RedisServer.await("the background write", () -> two.get("k") != null);
        assertThat(two.get("k").source()).isEqualTo(CacheEntry.Source.WARMUP);
    }

    @Test
    void twoLevel_loadBegunAsARefresh_keepsALocalCopyMarkedAsARefresh() {
        CacheTier one = cache(first, Tier.TWO_LEVEL, Codec.JSON, 0.8, null);

        ((Load.Leader) one.beginLoad("k", CacheEntry.Source.REFRESH)).flight().succeed("v", true);

        RedisServer.await("the local copy", () -> one.get("k") != null);
        assertThat(one.get("k").source()).isEqualTo(CacheEntry.Source.REFRESH);
    }
}
