package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.cache.FakeClock;
import dev.cacheagent.cache.SharedTiers;
import dev.cacheagent.config.AgentSettings;
import dev.cacheagent.config.CacheAction;
import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.Match;
import dev.cacheagent.config.RedisSettings;
import dev.cacheagent.config.Rule;
import dev.cacheagent.config.RuleFile;
import dev.cacheagent.instrumentation.ClasspathScan;
import fixture.json.Returns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Binding a caching rule to a method whose values a shared cache stores as JSON: a declared return type the
 * codec cannot rebuild leaves the method uninstrumented, with a reason. Methods are described from their
 * class files, by the same scan {@code validate --classpath} runs, against a runtime whose Redis tiers
 * never connect.
 */
class JsonReturnBindingTest {
    private static final Duration TTL = Duration.ofMinutes(5);

    private static Binding bind(String method, String cache, CacheSpec.Tier tier, CacheSpec.Codec codec)
            throws Exception {
        Map<String, CacheSpec> caches = new LinkedHashMap<>();
        Duration localTtl = tier == CacheSpec.Tier.TWO_LEVEL ? Duration.ofSeconds(30) : null;
        caches.put(cache, new CacheSpec(cache, tier, TTL, 100, 0, localTtl, null, null, codec, List.of(), AT));
        Rule rule = new Rule("returns", true, Rule.Mode.SERVE,
                new Match(new Match.TypePattern.Exact(Returns.class.getName()), method, null),
                new CacheAction(cache, null, null, null, false, List.of()), List.of(), List.of(), null, null, AT);
        RedisSettings redis = new RedisSettings("redis://127.0.0.1:1", null, null, "test:", Duration.ofMillis(100), 8,
                3, Duration.ofSeconds(30), null);
        RuleFile file = new RuleFile("rules.yaml", 1, AgentSettings.defaults(), redis, caches, List.of(rule));
        RecordingEventLog events = new RecordingEventLog();
        FakeClock clock = new FakeClock();
        try (CacheRuntime runtime = new CacheRuntime(file, events, clock, new Random(1),
                SharedTiers.offline(redis, events, clock))) {
            ClasspathScan.Result result = ClasspathScan.scan(List.of(testClasses()), file.rules(), runtime::bind);
            assertThat(result.methods()).hasSize(1);
            return result.methods().get(0).binding();
        }
    }

    private static Path testClasses() throws Exception {
        return Path.of(Returns.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Binding.Rejected rejected(Binding binding) {
        assertThat(binding).isInstanceOf(Binding.Rejected.class);
        return (Binding.Rejected) binding;
    }

    @Test
    void bind_redisJsonCacheOfAnInterfaceType_isRejectedNamingTheRuleTheMethodAndTheFix() throws Exception {
        Binding.Rejected rejected = rejected(bind("shape", "shapes", CacheSpec.Tier.REDIS, CacheSpec.Codec.JSON));

        assertThat(rejected.rule()).isEqualTo("returns");
        assertThat(rejected.reason()).contains("cache 'shapes' of rule 'returns'", "fixture.json.Returns#shape",
                "codec json cannot rebuild", "fixture.json.Shape is an interface", "use codec java",
                "declare the concrete class", "is not cached");
    }

    @Test
    void bind_twoLevelJsonCache_isCheckedToo() throws Exception {
        assertThat(bind("noCreator", "both", CacheSpec.Tier.TWO_LEVEL, CacheSpec.Codec.JSON))
                .isInstanceOf(Binding.Rejected.class);
    }

    @Test
    void bind_localCache_keepsObjectsSoAnyTypeIsBound() throws Exception {
        assertThat(bind("shape", "local", CacheSpec.Tier.LOCAL, CacheSpec.Codec.JSON))
                .isInstanceOf(Binding.Bound.class);
    }

    @Test
    void bind_redisJavaCodec_doesNotNeedJackson() throws Exception {
        assertThat(bind("shape", "serialized", CacheSpec.Tier.REDIS, CacheSpec.Codec.JAVA))
                .isInstanceOf(Binding.Bound.class);
    }

    @Test
    void bind_redisJsonCacheOfARecord_isBound() throws Exception {
        assertThat(bind("point", "points", CacheSpec.Tier.REDIS, CacheSpec.Codec.JSON))
                .isInstanceOf(Binding.Bound.class);
    }

    @Test
    void bind_optionalOfAnInterface_checksTheValueInside() throws Exception {
        assertThat(rejected(bind("optionalShape", "shapes", CacheSpec.Tier.REDIS, CacheSpec.Codec.JSON)).reason())
                .contains("declared type fixture.json.Shape:");
    }

    @Test
    void bind_optionalOfARecord_isBound() throws Exception {
        assertThat(bind("optionalPoint", "points", CacheSpec.Tier.REDIS, CacheSpec.Codec.JSON))
                .isInstanceOf(Binding.Bound.class);
    }

    @Test
    void bind_futureOfAListOfRecords_isBound() throws Exception {
        assertThat(bind("futurePoints", "points", CacheSpec.Tier.REDIS, CacheSpec.Codec.JSON))
                .isInstanceOf(Binding.Bound.class);
    }

    @Test
    void bind_futureOfAnInterface_checksItsPayload() throws Exception {
        assertThat(rejected(bind("futureShape", "shapes", CacheSpec.Tier.REDIS, CacheSpec.Codec.JSON)).reason())
                .contains("fixture.json.Shape is an interface");
    }
}
