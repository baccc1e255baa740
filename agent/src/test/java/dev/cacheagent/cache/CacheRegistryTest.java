package dev.cacheagent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.Position;
import dev.cacheagent.observe.CacheGauge;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CacheRegistryTest {
    private final FakeClock clock = new FakeClock();

    private CacheRegistry registry(CacheSpec... specs) {
        return new CacheRegistry(List.of(specs), clock, new Random(7));
    }

    @Test
    void find_sameNameTwice_returnsTheOneSharedCache() {
        CacheRegistry registry = registry(LocalCacheTest.spec("scenes", Duration.ofMinutes(1), 10, 0));

        registry.find("scenes").store("p1:s1", "scene", CacheEntry.Source.ORIGIN);

        assertThat(registry.find("scenes")).isSameAs(registry.find("scenes"));
        assertThat(registry.find("scenes").get("p1:s1").value()).isEqualTo("scene");
    }

    @Test
    void find_unknownName_returnsNull() {
        assertThat(registry().find("nothing")).isNull();
    }

    @Test
    void find_cacheOfATierNotBuiltInThisVersion_returnsNull() {
        CacheSpec redis = new CacheSpec("shared", CacheSpec.Tier.REDIS, Duration.ofMinutes(1), 0, 0, null, null, null,
                CacheSpec.Codec.JSON, List.of(), new Position("rules.yaml", 3, 3));

        assertThat(registry(redis).find("shared")).isNull();
    }

    @Test
    void gauges_listEveryCacheInFileOrder() {
        CacheRegistry registry = registry(LocalCacheTest.spec("b", Duration.ofMinutes(1), 10, 0),
                LocalCacheTest.spec("a", Duration.ofMinutes(1), 10, 0),
                LocalCacheTest.spec("c", Duration.ofMinutes(1), 10, 0));

        assertThat(registry.gauges()).extracting(CacheGauge::cacheName).containsExactly("b", "a", "c");
    }

    @Test
    void close_dropsEveryEntry() {
        CacheRegistry registry = registry(LocalCacheTest.spec("scenes", Duration.ofMinutes(1), 10, 0));
        registry.find("scenes").store("k", "v", CacheEntry.Source.ORIGIN);

        registry.close();

        assertThat(registry.find("scenes").size()).isZero();
    }
}
