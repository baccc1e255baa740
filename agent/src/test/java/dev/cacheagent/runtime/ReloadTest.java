package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.localCache;
import static dev.cacheagent.runtime.TestRules.method;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.Position;
import dev.cacheagent.config.Rule;
import dev.cacheagent.config.RuleFile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A runtime made for a reloaded rule file from the one that was running ({@link CacheRuntime#reloaded}). */
class ReloadTest {
    private static final MethodInfo GET_PROMPT = method("java.lang.String", "java.lang.String style");
    private static final CacheSpec PROMPTS = localCache("prompts", Duration.ofMinutes(10), 100);

    private final AtomicInteger originCalls = new AtomicInteger();
    private final Harness h = new Harness(List.of(PROMPTS), rule("prompt").cache("prompts").build());
    private final int site = h.bind(GET_PROMPT, "prompt");

    private Harness.Body origin(Object value) {
        return () -> {
            originCalls.incrementAndGet();
            return value;
        };
    }

    private CacheRuntime reload(List<CacheSpec> caches, Rule... rules) {
        return h.runtime.reloaded(TestRules.file(caches, rules));
    }

    private static Object call(CacheRuntime runtime, int site, Harness.Body body, Object... args) throws Throwable {
        return Harness.callOn(runtime, site, null, body, args);
    }

    @Test
    void bind_sameRulesAndMethodAfterAReload_keepTheirSiteNumber() {
        CacheRuntime next = reload(List.of(PROMPTS), rule("prompt").cache("prompts").build());

        assertThat(next.bind(List.of(next.config().rules().get(0)), GET_PROMPT)).isEqualTo(new Binding.Bound(site));
    }

    @Test
    void call_throughTheKeptSiteNumber_runsTheReloadedRule() throws Throwable {
        CacheRuntime next = reload(List.of(PROMPTS),
                rule("prompt").cache("prompts", null, "#style != 'classic'", null, false).build());
        next.bind(next.config().rules(), GET_PROMPT);

        call(next, site, origin("oil"), "classic");
        call(next, site, origin("oil"), "classic");

        assertThat(originCalls).as("the new condition bypasses the cache for 'classic'").hasValue(2);
    }

    @Test
    void reloaded_cacheWithTheSameSettings_keepsItsEntries() throws Throwable {
        h.call(site, origin("oil"), "classic");
        CacheSpec moved = new CacheSpec("prompts", CacheSpec.Tier.LOCAL, PROMPTS.ttl(), 100, 0, null, null, null,
                CacheSpec.Codec.JSON, List.of(), new Position("rules.yaml", 42, 3));
        CacheRuntime next = reload(List.of(moved), rule("prompt").cache("prompts").build());
        next.bind(next.config().rules(), GET_PROMPT);

        Object value = call(next, site, origin("fresh"), "classic");

        assertThat(value).isEqualTo("oil");
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void reloaded_cacheWithANewTtl_startsEmpty() throws Throwable {
        h.call(site, origin("oil"), "classic");
        CacheRuntime next = reload(List.of(localCache("prompts", Duration.ofMinutes(1), 100)),
                rule("prompt").cache("prompts").build());
        next.bind(next.config().rules(), GET_PROMPT);

        Object value = call(next, site, origin("fresh"), "classic");

        assertThat(value).isEqualTo("fresh");
    }

    @Test
    void call_throughASiteTheReloadedRulesDidNotBind_runsTheOriginalMethodUntouched() throws Throwable {
        CacheRuntime next = reload(List.of(PROMPTS));

        call(next, site, origin("oil"), "classic");
        call(next, site, origin("oil"), "classic");

        assertThat(next.enter(site, null, new Object[] {"classic"})).isNull();
        assertThat(originCalls).hasValue(2);
    }

    @Test
    void reloaded_ruleWithTheSameNameCacheAndCost_keepsCountingWhereItWas() throws Throwable {
        h.call(site, origin("oil"), "classic");
        h.call(site, origin("oil"), "classic");

        CacheRuntime next = reload(List.of(PROMPTS), rule("prompt").cache("prompts").build());

        assertThat(next.ruleMetrics().get("prompt").snapshot().hits()).isEqualTo(1);
    }

    @Test
    void adoptLateBindings_methodThePreviousRuntimeBoundAfterTheReloadBegan_getsTheNewRules() throws Throwable {
        CacheRuntime next = reload(List.of(PROMPTS), rule("prompt").cache("prompts").build());
        MethodInfo other = TestRules.methodOf("com.example.Late", "get", "java.lang.String", "java.lang.String",
                "java.lang.String style");
        int late = h.bind(other, "prompt");

        next.adoptLateBindings(h.runtime);
        call(next, late, origin("oil"), "classic");
        call(next, late, origin("oil"), "classic");

        assertThat(originCalls).hasValue(1);
    }

    @Test
    void retire_dropsTheEntriesOfTheCachesTheSuccessorReplaced() throws Throwable {
        h.call(site, origin("oil"), "classic");
        CacheRuntime next = reload(List.of(localCache("prompts", Duration.ofMinutes(1), 100)),
                rule("prompt").cache("prompts").build());

        h.runtime.retire(next);

        assertThat(h.runtime.cache("prompts").size()).isZero();
        assertThat(h.runtime.enter(site, null, new Object[] {"classic"})).isNull();
    }

    @Test
    void retire_keepsTheEntriesOfTheCachesTheSuccessorKept() throws Throwable {
        h.call(site, origin("oil"), "classic");
        CacheRuntime next = reload(List.of(PROMPTS), rule("prompt").cache("prompts").build());

        h.runtime.retire(next);

        assertThat(next.cache("prompts").size()).isEqualTo(1);
    }

    @Test
    void ruleStatuses_sayWhereEachRuleAppliesAndWhyNot() {
        Rule broken = rule("broken").cache("prompts", "#nope", null, null, false).build();
        Rule off = new Rule("off", false, Rule.Mode.SERVE, broken.match(), null, List.of(), List.of(), null,
                TestRules.log("off"), TestRules.AT);
        Harness both = new Harness(List.of(PROMPTS), rule("prompt").cache("prompts").build(), broken, off);
        both.bind(GET_PROMPT, "prompt");
        both.tryBind(GET_PROMPT, "broken");

        List<RuleStatus> statuses = both.runtime.ruleStatuses();

        assertThat(statuses).extracting(RuleStatus::name).containsExactly("prompt", "broken", "off");
        assertThat(statuses.get(0).methods()).containsExactly("com.example.PromptService#get");
        assertThat(statuses.get(1).methods()).isEmpty();
        assertThat(statuses.get(1).errors()).singleElement().asString().contains("#nope");
        assertThat(statuses.get(2).enabledInFile()).isFalse();
        assertThat(statuses.get(2).enabled()).isFalse();
    }

    @Test
    void ruleStatuses_ruleSwitchedOff_isNotEnabledButStillOnInTheFile() {
        h.runtime.enableRule("prompt", false);

        RuleStatus status = h.runtime.ruleStatuses().get(0);

        assertThat(status.enabled()).isFalse();
        assertThat(status.enabledInFile()).isTrue();
    }

    @Test
    void keysAreSecret_cacheOfAMethodWithASecretLikeParameter_isTrue() {
        MethodInfo login = method("java.lang.String", "java.lang.String password");
        Harness secret = new Harness(List.of(PROMPTS), rule("login").cache("prompts").build());
        secret.bind(login, "login");

        assertThat(secret.runtime.keysAreSecret("prompts")).isTrue();
        assertThat(h.runtime.keysAreSecret("prompts")).isFalse();
    }

    @Test
    void reloaded_fileWithTheRuleRemoved_hasNoMetricsForIt() {
        RuleFile empty = TestRules.file(List.of(PROMPTS));

        assertThat(h.runtime.reloaded(empty).ruleMetrics()).isEmpty();
    }
}
