package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.log;
import static dev.cacheagent.runtime.TestRules.method;
import static dev.cacheagent.runtime.TestRules.methodOf;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Hits, misses and skips of a rule with {@code cache}, driven as rewritten methods drive them. */
class CachingTest {
    private static final MethodInfo GET_PROMPT = method("java.lang.String", "java.lang.String style");

    private final AtomicInteger originCalls = new AtomicInteger();

    private Harness.Body origin(Object value) {
        return () -> {
            originCalls.incrementAndGet();
            return value;
        };
    }

    @Test
    void call_firstTime_runsTheMethodAndReturnsItsValue() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");

        Object value = h.call(site, origin("Paint like Vermeer"), "classic");

        assertThat(value).isEqualTo("Paint like Vermeer");
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void call_sameKeyAgain_returnsTheCachedValueWithoutRunningTheMethod() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, origin("Paint like Vermeer"), "classic");

        Object value = h.call(site, origin("something else"), "classic");

        assertThat(value).isEqualTo("Paint like Vermeer");
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void call_otherKey_runsTheMethod() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, origin("oil"), "classic");

        Object value = h.call(site, origin("water"), "watercolor");

        assertThat(value).isEqualTo("water");
        assertThat(originCalls).hasValue(2);
    }

    @Test
    void enter_hit_answersWithTheStoredEntryItselfSoAHitAllocatesNothing() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, origin("oil"), "classic");

        Object first = h.runtime.enter(site, null, new Object[] {"classic"});
        Object second = h.runtime.enter(site, null, new Object[] {"classic"});

        assertThat(first).isSameAs(second);
    }

    @Test
    void call_arrayArgumentsWithTheSameContent_shareAnEntry() throws Throwable {
        Harness h = Harness.of(rule("image").cache("prompts").build());
        int site = h.bind(method("java.lang.String", "byte[] image", "java.lang.String style"), "image");
        h.call(site, origin("described"), new byte[] {1, 2, 3}, "oil");

        Object value = h.call(site, origin("again"), new byte[] {1, 2, 3}, "oil");

        assertThat(value).isEqualTo("described");
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void call_methodWithoutArguments_hasOneEntry() throws Throwable {
        Harness h = Harness.of(rule("system-prompt").cache("prompts").log(log("prompts")).build());
        int site = h.bind(method("java.lang.String"), "system-prompt");
        h.call(site, origin("Be concise."));

        h.call(site, origin("other"));

        assertThat(originCalls).hasValue(1);
        assertThat(h.events.only("hit").key()).isEmpty();
    }

    @Test
    void call_defaultKeyThatIsNull_bypassesTheCacheWithASkipEvent() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").log(log("prompt-cache")).build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, origin("default prompt"), (Object) null);
        h.call(site, origin("default prompt"), (Object) null);

        assertThat(originCalls).hasValue(2);
        assertThat(h.events.named("skip")).extracting(e -> e.reason()).containsExactly("null-key", "null-key");
    }

    @Test
    void call_keyExpressionThatIsNull_bypassesTheCache() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts", "#style?.trim()", null, null, false)
                .log(log("prompt-cache")).build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, origin("v"), (Object) null);
        h.call(site, origin("v"), (Object) null);

        assertThat(originCalls).hasValue(2);
        assertThat(h.events.named("skip")).extracting(e -> e.reason()).containsExactly("null-key", "null-key");
    }

    @Test
    void call_keyExpression_callsWithEqualKeysShareAnEntry() throws Throwable {
        Harness h = Harness.of(
                rule("prompt").cache("prompts", "#style.trim().toLowerCase()", null, null, false).build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, origin("oil"), "  Classic ");

        Object value = h.call(site, origin("other"), "classic");

        assertThat(value).isEqualTo("oil");
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void call_conditionFalse_runsTheMethodWithoutTheCacheAndSaysWhy() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts", null, "#style != 'live'", null, false)
                .log(log("prompt-cache")).build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, origin("v1"), "live");
        Object second = h.call(site, origin("v2"), "live");

        assertThat(second).isEqualTo("v2");
        assertThat(originCalls).hasValue(2);
        assertThat(h.events.named("skip")).extracting(e -> e.reason()).containsExactly("condition", "condition");
    }

    @Test
    void call_conditionTrue_usesTheCache() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts", null, "#style != 'live'", null, false).build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, origin("v1"), "classic");
        h.call(site, origin("v2"), "classic");

        assertThat(originCalls).hasValue(1);
    }

    @Test
    void call_unlessTrue_returnsTheValueButDoesNotStoreIt() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts", null, null, "#result.isEmpty()", false).build());
        int site = h.bind(GET_PROMPT, "prompt");

        Object first = h.call(site, origin(""), "missing-style");
        h.call(site, origin(""), "missing-style");

        assertThat(first).isEqualTo("");
        assertThat(originCalls).hasValue(2);
    }

    @Test
    void call_unlessFalse_stores() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts", null, null, "#result.isEmpty()", false).build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, origin("oil"), "classic");
        h.call(site, origin("oil"), "classic");

        assertThat(originCalls).hasValue(1);
    }

    @Test
    void call_nullResult_isNotCachedByDefault() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, origin(null), "unknown");
        h.call(site, origin(null), "unknown");

        assertThat(originCalls).hasValue(2);
    }

    @Test
    void call_nullResultWithCacheNulls_isCachedAndServedAsNull() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts", null, null, null, true).build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, origin(null), "unknown");

        Object value = h.call(site, origin("late"), "unknown");

        assertThat(value).isNull();
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void call_afterTheTtl_runsTheMethodAgain() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, origin("old"), "classic");

        h.clock.advance(Harness.TTL);
        Object value = h.call(site, origin("new"), "classic");

        assertThat(value).isEqualTo("new");
        assertThat(originCalls).hasValue(2);
    }

    @Test
    void call_justBeforeTheTtl_isStillAHit() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, origin("old"), "classic");

        h.clock.advance(Harness.TTL.minusMillis(1));
        Object value = h.call(site, origin("new"), "classic");

        assertThat(value).isEqualTo("old");
    }

    @Test
    void call_methodThrows_callerGetsTheSameExceptionInstance() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");
        IllegalStateException failure = new IllegalStateException("database down");

        Throwable thrown = catchThrowable(() -> h.call(site, () -> {
            throw failure;
        }, "classic"));

        assertThat(thrown).isSameAs(failure);
    }

    @Test
    void call_methodThrew_isNotCached() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");
        catchThrowable(() -> h.call(site, () -> {
            throw new IllegalStateException("database down");
        }, "classic"));

        Object value = h.call(site, origin("recovered"), "classic");

        assertThat(value).isEqualTo("recovered");
    }

    @Test
    void call_primitiveReturn_isCachedBoxedAndServedAsTheSameNumber() throws Throwable {
        Harness h = Harness.of(rule("count").cache("prompts").build());
        int site = h.bind(method("int", "java.lang.String style"), "count");
        h.call(site, origin(42), "classic");

        Object value = h.call(site, origin(7), "classic");

        assertThat(value).isEqualTo(42);
    }

    @Test
    void call_hitsAndMisses_areCountedInTheRulesMetrics() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, origin("oil"), "classic");
        h.call(site, origin("oil"), "classic");
        h.call(site, origin("oil"), "classic");

        var snapshot = h.runtime.ruleMetrics().get("prompt").snapshot();
        assertThat(snapshot.hits()).isEqualTo(2);
        assertThat(snapshot.misses()).isEqualTo(1);
    }

    @Test
    void call_skipped_countsAsAPlainCallNotAMiss() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, origin("default"), (Object) null);

        var snapshot = h.runtime.ruleMetrics().get("prompt").snapshot();
        assertThat(snapshot.calls()).isEqualTo(1);
        assertThat(snapshot.misses()).isZero();
    }

    @Test
    void views_groupEachCacheWithTheRulesThatUseIt() {
        Harness h = Harness.of(rule("reader").cache("prompts").build(), rule("other-reader").cache("prompts").build(),
                rule("timing").log(log("t")).build());

        assertThat(h.runtime.views()).filteredOn(v -> v.cache().equals("prompts")).singleElement()
                .satisfies(view -> assertThat(view.rules()).extracting(m -> m.rule())
                        .containsExactly("reader", "other-reader"));
    }

    @Test
    void call_ruleSwitchedOff_runsTheMethodUntouched() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, origin("oil"), "classic");

        h.runtime.enableRule("prompt", false);

        assertThat(h.runtime.enter(site, null, new Object[] {"classic"})).isNull();
    }

    @Test
    void call_ruleSwitchedBackOn_servesFromTheCacheAgain() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, origin("oil"), "classic");
        h.runtime.enableRule("prompt", false);

        h.runtime.enableRule("prompt", true);
        h.call(site, origin("other"), "classic");

        assertThat(originCalls).hasValue(1);
    }

    @Test
    void call_methodBoundWhileItsRuleWasOff_isServedFromTheCacheOnceTheRuleIsSwitchedOn() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        h.runtime.enableRule("prompt", false);
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, origin("oil"), "classic");

        h.runtime.enableRule("prompt", true);
        h.call(site, origin("oil"), "classic");
        Object value = h.call(site, origin("other"), "classic");

        assertThat(value).isEqualTo("oil");
        assertThat(originCalls).hasValue(2);
    }

    @Test
    void call_oneOfTwoRulesOfAMethodSwitchedOff_theOtherStillApplies() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build(), rule("timing").log(log("t")).build());
        int site = h.bind(GET_PROMPT, "prompt", "timing");
        h.call(site, origin("oil"), "classic");

        h.runtime.enableRule("timing", false);
        Object value = h.call(site, origin("other"), "classic");

        assertThat(value).isEqualTo("oil");
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void call_ruleSwitchedOnAfterClose_stillRunsTheMethodUntouched() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.runtime.enableRule("prompt", false);
        h.runtime.close();

        h.runtime.enableRule("prompt", true);

        assertThat(h.runtime.enter(site, null, new Object[] {"classic"})).isNull();
    }

    @Test
    void call_afterClose_runsEveryMethodUntouched() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, origin("oil"), "classic");

        h.runtime.close();

        assertThat(h.runtime.enter(site, null, new Object[] {"classic"})).isNull();
    }

    @Test
    void rulesSharingACache_shareItsEntries() throws Throwable {
        Harness h = Harness.of(rule("reader-a").cache("prompts").build(), rule("reader-b").cache("prompts").build());
        int a = h.bind(GET_PROMPT, "reader-a");
        int b = h.bind(methodOf("com.example.OtherService", "get", "java.lang.String", "java.lang.String",
                "java.lang.String style"), "reader-b");
        h.call(a, origin("oil"), "classic");

        Object value = h.call(b, origin("other"), "classic");

        assertThat(value).isEqualTo("oil");
    }
}
