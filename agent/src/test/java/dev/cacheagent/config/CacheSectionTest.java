package dev.cacheagent.config;

import static dev.cacheagent.config.RuleFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.CacheSpec.Tier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheSectionTest {
    private static final String REDIS = "redis: { url: \"redis://127.0.0.1:6379\" }\n";

    private static CacheSpec cache(String settings) throws ConfigException {
        return RuleFiles.parse("version: 1\ncaches:\n  c: " + settings + "\n" + RuleFiles.TIMING_RULE)
                .caches().get("c");
    }

    /** Errors of a file whose line 3 is {@code   c: <settings>}. */
    private static List<String> cacheErrors(String settings) {
        return errors("version: 1\ncaches:\n  c: " + settings + "\n" + RuleFiles.TIMING_RULE);
    }

    /** Errors of a file with a redis section on line 2 and {@code   c: <settings>} on line 4. */
    private static List<String> redisCacheErrors(String settings) {
        return errors("version: 1\n" + REDIS + "caches:\n  c: " + settings + "\n" + RuleFiles.TIMING_RULE);
    }

    @Test
    void localCache_readsItsSettings() throws ConfigException {
        assertThat(cache("{ tier: local, ttl: 15m, maxEntries: 10000, jitter: 10% }")).isEqualTo(new CacheSpec("c",
                Tier.LOCAL, Duration.ofMinutes(15), 10000, 0.1, null, null, null, null, List.of(),
                new Position(RuleFiles.FILE, 3, 6)));
    }

    @Test
    void localCache_defaults() throws ConfigException {
        CacheSpec cache = cache("{ ttl: 1m, maxEntries: 5 }");
        assertThat(cache.tier()).isEqualTo(Tier.LOCAL);
        assertThat(cache.jitter()).isZero();
        assertThat(cache.codec()).isNull();
    }

    @Test
    void caches_keepFileOrder() throws ConfigException {
        RuleFile file = RuleFiles.parse("""
                version: 1
                caches:
                  zebra: { ttl: 1m, maxEntries: 5 }
                  apple: { ttl: 1m, maxEntries: 5 }
                  mango: { ttl: 1m, maxEntries: 5 }
                """ + RuleFiles.TIMING_RULE);
        assertThat(file.caches().keySet()).containsExactly("zebra", "apple", "mango");
    }

    @Test
    void ttl_missing_isAnError() {
        assertThat(cacheErrors("{ maxEntries: 5 }")).containsExactly(
                "rules.yaml:3:6: cache 'c': 'ttl' is missing — add ttl: 10m");
    }

    @Test
    void ttl_zero_isAnError() {
        assertThat(cacheErrors("{ ttl: 0ms, maxEntries: 5 }")).containsExactly(
                "rules.yaml:3:13: cache 'c': 'ttl' must be longer than 0 — give a positive duration, e.g. 30s");
    }

    @Test
    void ttl_bareNumber_saysWhichUnitToAdd() {
        assertThat(cacheErrors("{ ttl: 900000, maxEntries: 5 }")).containsExactly("rules.yaml:3:13: cache 'c':"
                + " 'ttl' is 900000 without a unit — add one: write 900000ms or 900000s (units: ms, s, m, h, d)");
    }

    @Test
    void maxEntries_missing_isAnError() {
        assertThat(cacheErrors("{ ttl: 1m }")).containsExactly(
                "rules.yaml:3:6: cache 'c': 'maxEntries' is missing — add maxEntries: 10000");
    }

    @Test
    void maxEntries_zero_isAnError() {
        assertThat(cacheErrors("{ ttl: 1m, maxEntries: 0 }")).containsExactly(
                "rules.yaml:3:29: cache 'c': 'maxEntries' must be greater than 0, not 0 — give a positive number");
    }

    @Test
    void jitter_withoutPercent_isAnError() {
        assertThat(cacheErrors("{ ttl: 1m, maxEntries: 5, jitter: 10 }")).containsExactly(
                "rules.yaml:3:40: cache 'c': 'jitter' is 10 without '%' — write it as a percentage: 10%");
    }

    @Test
    void tier_unknown_isAnError() {
        assertThat(cacheErrors("{ tier: memory, ttl: 1m, maxEntries: 5 }")).containsExactly("rules.yaml:3:14:"
                + " cache 'c': 'tier' must be one of local, redis, two-level, not 'memory' — write one of local,"
                + " redis, two-level");
    }

    @Test
    void cacheName_withSpaces_isAnError() {
        assertThat(errors("version: 1\ncaches:\n  my cache: { ttl: 1m, maxEntries: 5 }\n" + RuleFiles.TIMING_RULE))
                .containsExactly("rules.yaml:3:3: cache 'my cache': the name must use only letters, digits, - and _"
                        + " — rename it, e.g. my-cache");
    }

    @Test
    void cache_notAMapping_isAnError() {
        assertThat(cacheErrors("10m")).containsExactly("rules.yaml:3:6: cache 'c': 'caches.c' must be a mapping,"
                + " not a single value — write it as 'key: value' lines or as { key: value }");
    }

    @Test
    void redisTier_withRedisSection_isAccepted() throws ConfigException {
        CacheSpec cache = RuleFiles.parse("version: 1\n" + REDIS + "caches:\n  c: { tier: redis, ttl: 1m }\n"
                + RuleFiles.TIMING_RULE).caches().get("c");
        assertThat(cache.tier()).isEqualTo(Tier.REDIS);
        assertThat(cache.codec()).isEqualTo(CacheSpec.Codec.JSON);
    }

    @Test
    void twoLevelTier_withRedisSection_isAccepted() throws ConfigException {
        CacheSpec cache = RuleFiles.parse("version: 1\n" + REDIS + "caches:\n  c: { tier: two-level, ttl: 1m,"
                + " maxEntries: 5, localTtl: 10s, codec: java, allowClasses: [com.example.model.*] }\n"
                + RuleFiles.TIMING_RULE).caches().get("c");
        assertThat(cache.tier()).isEqualTo(Tier.TWO_LEVEL);
        assertThat(cache.localTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(cache.allowClasses()).containsExactly("com.example.model.*");
    }

    @Test
    void redisTier_withoutRedisSection_isAnError() {
        assertThat(cacheErrors("{ tier: redis, ttl: 1m }")).containsExactly(
                "rules.yaml:3:6: cache 'c': tier redis needs a Redis server — add a redis: section with the"
                        + " server's url");
    }

    @Test
    void redisTier_withMaxEntries_isAnError() {
        assertThat(redisCacheErrors("{ tier: redis, ttl: 1m, maxEntries: 5 }")).contains(
                "rules.yaml:4:30: cache 'c': 'maxEntries' does not apply to tier redis — remove it; Redis entries"
                        + " are bounded by ttl");
    }

    @Test
    void twoLevelTier_needsMaxEntries() {
        assertThat(redisCacheErrors("{ tier: two-level, ttl: 1m }")).contains(
                "rules.yaml:4:6: cache 'c': 'maxEntries' is missing — add maxEntries: 10000");
    }

    @Test
    void localTtl_onLocalTier_isAnError() {
        assertThat(cacheErrors("{ ttl: 1m, maxEntries: 5, localTtl: 10s }")).containsExactly(
                "rules.yaml:3:32: cache 'c': 'localTtl' applies to tier two-level only — remove it, or set tier:"
                        + " two-level");
    }

    @Test
    void localTtl_longerThanTtl_isAnError() {
        assertThat(redisCacheErrors("{ tier: two-level, ttl: 1m, maxEntries: 5, localTtl: 2m }")).contains(
                "rules.yaml:4:59: cache 'c': 'localTtl' is longer than 'ttl' — make it at most the ttl, or leave it"
                        + " out for the smaller of ttl and 30s");
    }

    @Test
    void codec_onLocalTier_isAnError() {
        assertThat(cacheErrors("{ ttl: 1m, maxEntries: 5, codec: json }")).containsExactly(
                "rules.yaml:3:32: cache 'c': 'codec' applies to tiers redis and two-level only — remove it; a local"
                        + " cache keeps the objects");
    }

    @Test
    void codec_unknown_isAnError() {
        assertThat(redisCacheErrors("{ tier: redis, ttl: 1m, codec: kryo }")).contains(
                "rules.yaml:4:37: cache 'c': 'codec' must be one of json, string, java, not 'kryo' — write one of"
                        + " json, string, java");
    }

    @Test
    void allowClasses_withoutJavaCodec_isAnError() {
        assertThat(redisCacheErrors("{ tier: redis, ttl: 1m, allowClasses: [com.example.*] }")).contains(
                "rules.yaml:4:30: cache 'c': 'allowClasses' applies to codec java only — remove it, or set codec:"
                        + " java");
    }

    @Test
    void allowClasses_badPattern_isAnError() {
        assertThat(redisCacheErrors("{ tier: redis, ttl: 1m, codec: java, allowClasses: [\"com example\"] }"))
                .contains("rules.yaml:4:59: cache 'c': 'allowClasses[0]' must be a class name or a package pattern,"
                        + " not 'com example' — write e.g. com.example.model.Prompt or com.example.model.*");
    }

    @Test
    void refreshAhead_isReadAsAShareOfTtl() throws ConfigException {
        assertThat(cache("{ ttl: 1m, maxEntries: 5, refreshAhead: 80% }").refreshAhead()).isEqualTo(0.8);
    }

    @Test
    void refreshAhead_outOfRange_isAnError() {
        assertThat(cacheErrors("{ ttl: 1m, maxEntries: 5, refreshAhead: 100% }")).containsExactly(
                "rules.yaml:3:46: cache 'c': 'refreshAhead' must be between 0% and 100%, not 100% — write the share"
                        + " of ttl after which a hit reloads the entry, e.g. 80%");
    }

    @Test
    void staleIfError_isReadAsADuration() throws ConfigException {
        assertThat(cache("{ ttl: 1m, maxEntries: 5, staleIfError: 1h }").staleIfError()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void staleIfError_bareNumber_isAnErrorThatAsksForAUnit() {
        assertThat(cacheErrors("{ ttl: 1m, maxEntries: 5, staleIfError: 60 }")).singleElement().asString()
                .contains("'staleIfError'").contains("unit");
    }
}
