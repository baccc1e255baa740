package dev.cacheagent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.Position;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LocalCacheTest {
    private static final Duration TTL = Duration.ofMinutes(10);

    private final FakeClock clock = new FakeClock();

    static CacheSpec spec(String name, Duration ttl, long maxEntries, double jitter) {
        return new CacheSpec(name, CacheSpec.Tier.LOCAL, ttl, maxEntries, jitter, null, null, null,
                CacheSpec.Codec.JSON, List.of(), new Position("rules.yaml", 1, 1));
    }

    private LocalCache cache(long maxEntries, double jitter) {
        return new LocalCache(spec("prompts", TTL, maxEntries, jitter), clock, new Random(42));
    }

    @Test
    void get_afterStore_returnsTheStoredEntry() {
        LocalCache cache = cache(100, 0);

        cache.store("classic", "Paint like Vermeer", CacheEntry.Source.PUT);

        CacheEntry entry = cache.get("classic");
        assertThat(entry.value()).isEqualTo("Paint like Vermeer");
        assertThat(entry.source()).isEqualTo(CacheEntry.Source.PUT);
        assertThat(entry.createdAt()).isEqualTo(clock.nanoTime());
    }

    @Test
    void get_unknownKey_returnsNull() {
        assertThat(cache(100, 0).get("nothing")).isNull();
    }

    @Test
    void get_justBeforeTheTtl_returnsTheEntry() {
        LocalCache cache = cache(100, 0);
        cache.store("classic", "v", CacheEntry.Source.ORIGIN);

        clock.advance(TTL.minusNanos(1));

        assertThat(cache.get("classic")).isNotNull();
    }

    @Test
    void get_atTheTtl_returnsNullAndCountsAnExpiry() {
        LocalCache cache = cache(100, 0);
        cache.store("classic", "v", CacheEntry.Source.ORIGIN);

        clock.advance(TTL);

        assertThat(cache.get("classic")).isNull();
        cache.cleanUp();
        assertThat(cache.expiryEvictions()).isEqualTo(1);
        assertThat(cache.size()).isZero();
    }

    @Test
    void entry_isFreshUntilItsExpiry() {
        CacheEntry entry = cache(100, 0).store("classic", "v", CacheEntry.Source.ORIGIN);

        assertThat(entry.isFreshAt(entry.expiresAt() - 1)).isTrue();
        assertThat(entry.isFreshAt(entry.expiresAt())).isFalse();
        assertThat(entry.ageNanos(entry.createdAt() + 5)).isEqualTo(5);
    }

    @Test
    void store_withJitter_spreadsExpiriesWithinTtlPlusOrMinusTheJitter() {
        LocalCache cache = cache(1000, 0.1);
        long now = clock.nanoTime();

        List<Long> lifetimes = IntStream.range(0, 200)
                .mapToObj(i -> cache.store("k" + i, "v", CacheEntry.Source.ORIGIN).expiresAt() - now)
                .toList();

        assertThat(lifetimes).allSatisfy(lifetime -> assertThat(lifetime)
                .isBetween((long) (TTL.toNanos() * 0.9), (long) (TTL.toNanos() * 1.1)));
        assertThat(lifetimes.stream().distinct().count()).isGreaterThan(100);
    }

    @Test
    void store_withJitter_entryExpiresAtItsOwnInstant() {
        LocalCache cache = cache(100, 0.1);
        CacheEntry entry = cache.store("k", "v", CacheEntry.Source.ORIGIN);
        long lifetime = entry.expiresAt() - clock.nanoTime();

        clock.advance(Duration.ofNanos(lifetime - 1));
        assertThat(cache.get("k")).isNotNull();
        clock.advance(Duration.ofNanos(1));
        assertThat(cache.get("k")).isNull();
    }

    @Test
    void store_beyondMaxEntries_keepsTheCacheWithinItsBoundAndCountsSizeEvictions() {
        LocalCache cache = cache(10, 0);

        for (int i = 0; i < 100; i++) {
            cache.store("k" + i, i, CacheEntry.Source.ORIGIN);
        }
        cache.cleanUp();

        assertThat(cache.size()).isLessThanOrEqualTo(10);
        assertThat(cache.sizeEvictions()).isGreaterThanOrEqualTo(90);
        assertThat(cache.evictions()).isEqualTo(cache.sizeEvictions() + cache.expiryEvictions());
    }

    @Test
    void invalidate_removesOnlyThatKey() {
        LocalCache cache = cache(100, 0);
        cache.store("a", 1, CacheEntry.Source.ORIGIN);
        cache.store("b", 2, CacheEntry.Source.ORIGIN);

        cache.invalidate("a");

        assertThat(cache.get("a")).isNull();
        assertThat(cache.get("b")).isNotNull();
    }

    @Test
    void invalidateMatching_star_removesEveryKeyWhoseTextMatches() {
        LocalCache cache = cache(100, 0);
        cache.store("p1:s1", 1, CacheEntry.Source.ORIGIN);
        cache.store("p1:s2", 2, CacheEntry.Source.ORIGIN);
        cache.store("p2:s1", 3, CacheEntry.Source.ORIGIN);

        cache.invalidateMatching("p1:*");

        assertThat(cache.get("p1:s1")).isNull();
        assertThat(cache.get("p1:s2")).isNull();
        assertThat(cache.get("p2:s1")).isNotNull();
    }

    @Test
    void invalidateMatching_questionMark_matchesExactlyOneCharacter() {
        LocalCache cache = cache(100, 0);
        cache.store("s1", 1, CacheEntry.Source.ORIGIN);
        cache.store("s10", 2, CacheEntry.Source.ORIGIN);

        cache.invalidateMatching("s?");

        assertThat(cache.get("s1")).isNull();
        assertThat(cache.get("s10")).isNotNull();
    }

    @Test
    void invalidateMatching_compositeKeys_matchTheirText() {
        LocalCache cache = cache(100, 0);
        Object key = CompositeKey.ofArguments(new Object[] {"p1", 7});
        cache.store(key, 1, CacheEntry.Source.ORIGIN);

        cache.invalidateMatching("p1:*");

        assertThat(cache.get(key)).isNull();
    }

    @Test
    void invalidateMatching_regexCharactersInTheGlob_areLiteral() {
        LocalCache cache = cache(100, 0);
        cache.store("a.b", 1, CacheEntry.Source.ORIGIN);
        cache.store("axb", 2, CacheEntry.Source.ORIGIN);

        cache.invalidateMatching("a.b");

        assertThat(cache.get("a.b")).isNull();
        assertThat(cache.get("axb")).isNotNull();
    }

    @Test
    void invalidateAll_removesEverything() {
        LocalCache cache = cache(100, 0);
        cache.store("a", 1, CacheEntry.Source.ORIGIN);
        cache.store("b", 2, CacheEntry.Source.ORIGIN);

        cache.invalidateAll();

        assertThat(cache.size()).isZero();
        assertThat(cache.get("a")).isNull();
    }

    @Test
    void evictions_explicitInvalidation_isNotCounted() {
        LocalCache cache = cache(100, 0);
        cache.store("a", 1, CacheEntry.Source.ORIGIN);

        cache.invalidate("a");
        cache.cleanUp();

        assertThat(cache.evictions()).isZero();
    }

    @Test
    void cacheName_isTheSpecsName() {
        assertThat(cache(10, 0).cacheName()).isEqualTo("prompts");
    }

    @Test
    void mostUsed_ranksEntriesByTheirHitsAndDatesTheLastOne() {
        LocalCache cache = cache(100, 0);
        cache.store("classic", "oil", CacheEntry.Source.PUT);
        cache.store("modern", "pop", CacheEntry.Source.PUT);
        cache.store("cold", "ice", CacheEntry.Source.PUT);
        cache.get("modern").recordSampledHit(16, clock.nanoTime());
        clock.advance(Duration.ofSeconds(3));
        cache.get("classic").recordSampledHit(16, clock.nanoTime());
        cache.get("classic").recordSampledHit(16, clock.nanoTime());
        clock.advance(Duration.ofSeconds(1));

        List<UsedEntry> used = cache.mostUsed(2);

        assertThat(used).extracting(UsedEntry::key).containsExactly("classic", "modern");
        assertThat(used.get(0).hits()).isEqualTo(32);
        assertThat(used.get(0).age()).isEqualTo(Duration.ofSeconds(4));
        assertThat(used.get(0).sinceLastHit()).isEqualTo(Duration.ofSeconds(1));
        assertThat(used.get(1).sinceLastHit()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void mostUsed_entryNeverHit_hasNoLastHit() {
        LocalCache cache = cache(100, 0);
        cache.store("classic", "oil", CacheEntry.Source.PUT);

        assertThat(cache.mostUsed(10)).singleElement().satisfies(e -> assertThat(e.sinceLastHit()).isNull());
    }

    @Test
    void invalidateText_dropsTheCompositeKeyThatTextNames() {
        LocalCache cache = cache(100, 0);
        cache.store(CompositeKey.ofArguments(new Object[] {"p1", "s1"}), "scene", CacheEntry.Source.PUT);
        cache.store("p1:s2", "other", CacheEntry.Source.PUT);

        cache.invalidateText("p1:s1");

        assertThat(cache.get(CompositeKey.ofArguments(new Object[] {"p1", "s1"}))).isNull();
        assertThat(cache.get("p1:s2")).isNotNull();
    }
}
