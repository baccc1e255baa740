package dev.cacheagent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.Position;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** When entries are fresh, due for a refresh, and still servable when the origin fails. */
class EntryLifetimeTest {
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration STALE = Duration.ofHours(1);

    private final FakeClock clock = new FakeClock();

    private LocalCache cache(double jitter, Double refreshAhead, Duration staleIfError) {
        return new LocalCache(new CacheSpec("prompts", CacheSpec.Tier.LOCAL, TTL, 100, jitter, null, refreshAhead,
                staleIfError, CacheSpec.Codec.JSON, List.of(), new Position("rules.yaml", 1, 1)), clock,
                new Random(42));
    }

    @Test
    void entry_withRefreshAhead_isDueOnceThatShareOfItsTtlHasPassed() {
        CacheEntry entry = cache(0, 0.8, null).store("classic", "v", CacheEntry.Source.ORIGIN);
        long dueAt = entry.createdAt() + Duration.ofMinutes(8).toNanos();

        assertThat(entry.isRefreshDueAt(dueAt - 1)).isFalse();
        assertThat(entry.isRefreshDueAt(dueAt)).isTrue();
    }

    @Test
    void entry_withRefreshAheadAndJitter_isDueAtThatShareOfItsOwnLifetime() {
        CacheEntry entry = cache(0.1, 0.5, null).store("classic", "v", CacheEntry.Source.ORIGIN);
        long lifetime = entry.expiresAt() - entry.createdAt();

        assertThat(entry.refreshAt() - entry.createdAt()).isEqualTo(lifetime / 2);
    }

    @Test
    void entry_withoutRefreshAhead_isNeverDueWhileFresh() {
        CacheEntry entry = cache(0, null, null).store("classic", "v", CacheEntry.Source.ORIGIN);

        assertThat(entry.isRefreshDueAt(entry.expiresAt() - 1)).isFalse();
    }

    @Test
    void claimRefresh_succeedsOncePerEntry() {
        CacheEntry entry = cache(0, 0.8, null).store("classic", "v", CacheEntry.Source.ORIGIN);

        assertThat(entry.claimRefresh()).isTrue();
        assertThat(entry.claimRefresh()).isFalse();
    }

    @Test
    void entry_withStaleIfError_isServableOnErrorUntilThatLongAfterItsExpiry() {
        CacheEntry entry = cache(0, null, STALE).store("classic", "v", CacheEntry.Source.ORIGIN);

        assertThat(entry.isServableOnErrorAt(entry.expiresAt() + STALE.toNanos() - 1)).isTrue();
        assertThat(entry.isServableOnErrorAt(entry.expiresAt() + STALE.toNanos())).isFalse();
    }

    @Test
    void entry_withoutStaleIfError_isNotServableOnceExpired() {
        CacheEntry entry = cache(0, null, null).store("classic", "v", CacheEntry.Source.ORIGIN);

        assertThat(entry.isServableOnErrorAt(entry.expiresAt())).isFalse();
    }

    @Test
    void get_withStaleIfError_keepsTheExpiredEntryForThatLong() {
        LocalCache cache = cache(0, null, STALE);
        cache.store("classic", "v", CacheEntry.Source.ORIGIN);

        clock.advance(TTL.plus(STALE).minusNanos(1));

        CacheEntry entry = cache.get("classic");
        assertThat(entry).isNotNull();
        assertThat(entry.isFreshAt(clock.nanoTime())).isFalse();
    }

    @Test
    void get_withStaleIfError_dropsTheEntryOnceItMayNoLongerBeServed() {
        LocalCache cache = cache(0, null, STALE);
        cache.store("classic", "v", CacheEntry.Source.ORIGIN);

        clock.advance(TTL.plus(STALE));

        assertThat(cache.get("classic")).isNull();
    }

    @Test
    void get_withStaleIfErrorAndJitter_dropsEachEntryAtItsOwnStaleEnd() {
        LocalCache cache = cache(0.1, null, STALE);
        CacheEntry entry = cache.store("classic", "v", CacheEntry.Source.ORIGIN);

        clock.advance(Duration.ofNanos(entry.staleUntil() - clock.nanoTime() - 1));
        assertThat(cache.get("classic")).isNotNull();
        clock.advance(Duration.ofNanos(1));
        assertThat(cache.get("classic")).isNull();
    }

    @Test
    void beginLoad_withASource_storesTheLoadedValueMarkedWithIt() {
        LocalCache cache = cache(0, null, null);
        Flight flight = ((Load.Leader) cache.beginLoad("classic", CacheEntry.Source.WARMUP)).flight();

        flight.succeed("v", true);

        assertThat(cache.get("classic").source()).isEqualTo(CacheEntry.Source.WARMUP);
    }
}
