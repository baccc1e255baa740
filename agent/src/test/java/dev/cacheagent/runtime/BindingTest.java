package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.log;
import static dev.cacheagent.runtime.TestRules.method;
import static dev.cacheagent.runtime.TestRules.methodOf;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.config.EvictAction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingTest {
    private static final MethodInfo GET_PROMPT = method("java.lang.String", "java.lang.String style");

    private static Binding.Rejected rejected(Binding binding) {
        assertThat(binding).isInstanceOf(Binding.Rejected.class);
        return (Binding.Rejected) binding;
    }

    @Test
    void bind_differentMethods_getDenseSiteNumbersFromZero() {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());

        int first = h.bind(GET_PROMPT, "prompt");
        int second = h.bind(methodOf("com.example.PromptService", "find", "java.lang.String", "java.lang.String",
                "java.lang.String style"), "prompt");

        assertThat(first).isZero();
        assertThat(second).isEqualTo(1);
    }

    @Test
    void bind_sameMethodAndRulesAgain_keepsItsSite() {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());

        int first = h.bind(GET_PROMPT, "prompt");
        int again = h.bind(GET_PROMPT, "prompt");

        assertThat(again).isEqualTo(first);
    }

    @Test
    void bind_keyNamingAParameterTheMethodLacks_isRejectedNamingTheExpressionAndTheFix() {
        Harness h = Harness.of(rule("prompt").cache("prompts", "#styleName", null, null, false).build());

        Binding.Rejected rejected = rejected(h.tryBind(GET_PROMPT, "prompt"));

        assertThat(rejected.rule()).isEqualTo("prompt");
        assertThat(rejected.reason()).contains("cache.key \"#styleName\"", "rules.yaml:1:1",
                "com.example.PromptService#get", "styleName", "#p0");
    }

    @Test
    void bind_resultInTheKey_isRejected() {
        Harness h = Harness.of(rule("prompt").cache("prompts", "#result", null, null, false).build());

        Binding.Rejected rejected = rejected(h.tryBind(GET_PROMPT, "prompt"));

        assertThat(rejected.reason()).contains("cache.key \"#result\"", "result");
    }

    @Test
    void bind_resultInTheCondition_isRejected() {
        Harness h = Harness.of(rule("prompt").cache("prompts", null, "#result != null", null, false).build());

        assertThat(rejected(h.tryBind(GET_PROMPT, "prompt")).reason()).contains("cache.condition");
    }

    @Test
    void bind_resultInUnlessAndPutAndFields_isAllowed() {
        Harness h = Harness.of(rule("prompt").cache("prompts", null, null, "#result == null", false)
                .put("prompts", "#style", "#result")
                .log(log("prompt-cache", l -> l.field("length", "#result.length()"))).build());

        assertThat(h.tryBind(GET_PROMPT, "prompt")).isInstanceOf(Binding.Bound.class);
    }

    @Test
    void bind_resultInAnEvictionBeforeTheCall_isRejected() {
        Harness h = Harness.of(rule("writer").evictKey("prompts", "#result", EvictAction.When.BEFORE).build());

        assertThat(rejected(h.tryBind(GET_PROMPT, "writer")).reason()).contains("evict[0].key");
    }

    @Test
    void bind_defaultKeyOverATypeWithoutValueEquality_isRejectedAskingForAKey() {
        Harness h = Harness.of(rule("decide").cache("prompts").build());
        MethodInfo decide = new MethodInfo("com.example.DecisionService", "decide",
                List.of(new MethodInfo.Parameter("prompt", "java.lang.String", true),
                        new MethodInfo.Parameter("context", "com.example.Context", false)),
                "java.lang.String", "java.lang.String", false);

        Binding.Rejected rejected = rejected(h.tryBind(decide, "decide"));

        assertThat(rejected.rule()).isEqualTo("decide");
        assertThat(rejected.reason()).contains("'context' (#p1)", "com.example.Context", "equals()", "`key`");
    }

    @Test
    void bind_defaultKeyOverAnUnequalTypeButWithAKey_isBound() {
        Harness h = Harness.of(rule("decide").cache("prompts", "#p0", null, null, false).build());
        MethodInfo decide = new MethodInfo("com.example.DecisionService", "decide",
                List.of(new MethodInfo.Parameter("prompt", "java.lang.String", true),
                        new MethodInfo.Parameter("context", "com.example.Context", false)),
                "java.lang.String", "java.lang.String", false);

        assertThat(h.tryBind(decide, "decide")).isInstanceOf(Binding.Bound.class);
    }

    @Test
    void bind_cacheOnAVoidMethod_isRejected() {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());

        Binding.Rejected rejected = rejected(h.tryBind(method("void", "java.lang.String style"), "prompt"));

        assertThat(rejected.reason()).contains("void", "remove `cache`");
    }

    @Test
    void bind_twoRulesThatBothCache_isRejectedForTheSecond() {
        Harness h = Harness.of(rule("a").cache("prompts").build(), rule("b").cache("scenes").build());

        Binding.Rejected rejected = rejected(h.tryBind(GET_PROMPT, "a", "b"));

        assertThat(rejected.rule()).isEqualTo("b");
        assertThat(rejected.reason()).contains("'a' and 'b' both cache", "narrow");
    }

    @Test
    void bind_aCachingRuleAndATimingRule_isBound() {
        Harness h = Harness.of(rule("prompt").cache("prompts").build(),
                rule("timing").log(log("preview-metrics")).build());

        assertThat(h.tryBind(GET_PROMPT, "prompt", "timing")).isInstanceOf(Binding.Bound.class);
    }

    @Test
    void bind_cacheOfATierThisVersionDoesNotRun_isRejected() {
        CacheSpec redis = new CacheSpec("shared", CacheSpec.Tier.REDIS, Duration.ofMinutes(1), 0, 0, null, null, null,
                CacheSpec.Codec.JSON, List.of(), TestRules.AT);
        Harness h = new Harness(List.of(redis), rule("prompt").cache("shared").build());

        assertThat(rejected(h.tryBind(GET_PROMPT, "prompt")).reason()).contains("tier redis", "tier local");
    }

    @Test
    void bind_ruleOutsideTheLoadedFile_isRejected() {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        Harness other = Harness.of(rule("stranger").cache("prompts").build());

        Binding binding = h.runtime.bind(other.file.rules(), GET_PROMPT);

        assertThat(rejected(binding).rule()).isEqualTo("stranger");
    }
}
