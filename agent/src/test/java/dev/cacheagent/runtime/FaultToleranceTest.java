package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.method;
import static dev.cacheagent.runtime.TestRules.methodOf;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.observe.Event;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Nothing that goes wrong inside the agent reaches the caller (SPEC §0.2). */
class FaultToleranceTest {
    private static final MethodInfo GET_PROMPT = method("java.lang.String", "java.lang.String style");

    private final AtomicInteger originCalls = new AtomicInteger();

    private Harness.Body origin(Object value) {
        return () -> {
            originCalls.incrementAndGet();
            return value;
        };
    }

    /** An argument whose hashCode throws, as a broken application class might. */
    static final class BrokenKey {
        @Override
        public int hashCode() {
            throw new IllegalStateException("broken hashCode");
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }
    }

    @Test
    void keyExpressionThatThrows_theCallRunsWithoutTheCache() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts", "#style.trim()", null, null, false).build());
        int site = h.bind(GET_PROMPT, "prompt");

        Object first = h.call(site, origin("default"), (Object) null);
        Object second = h.call(site, origin("default"), (Object) null);

        assertThat(first).isEqualTo("default");
        assertThat(second).isEqualTo("default");
        assertThat(originCalls).hasValue(2);
    }

    @Test
    void keyExpressionThatThrows_writesARuleErrorNamingTheExpression() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts", "#style.trim()", null, null, false).build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, origin("default"), (Object) null);

        Event error = h.events.only("rule_error");
        assertThat(error.rule()).isEqualTo("prompt");
        assertThat(error.method()).isEqualTo("com.example.PromptService#get");
        assertThat(error.reason()).contains("cache.key \"#style.trim()\"", "without the cache");
        assertThat(error.error()).isNotNull();
    }

    @Test
    void ruleErrors_atMostOneASecondWithTheCountOfWhatItStandsFor() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts", "#style.trim()", null, null, false).build());
        int site = h.bind(GET_PROMPT, "prompt");

        for (int i = 0; i < 3; i++) {
            h.call(site, origin("default"), (Object) null);
        }
        assertThat(h.events.named("rule_error")).hasSize(1);

        h.clock.advance(Duration.ofSeconds(1));
        h.call(site, origin("default"), (Object) null);

        assertThat(h.events.named("rule_error")).extracting(e -> e.attributes().get("count"))
                .containsExactly(1L, 3L);
    }

    @Test
    void conditionThatThrows_theCallRunsWithoutTheCache() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts", null, "#style.isEmpty() == false", null, false).build());
        int site = h.bind(GET_PROMPT, "prompt");

        Object value = h.call(site, origin("default"), (Object) null);

        assertThat(value).isEqualTo("default");
        assertThat(h.events.only("rule_error").reason()).contains("cache.condition");
    }

    @Test
    void unlessThatThrows_returnsTheValueButDoesNotStoreIt() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts", null, null, "#result.isEmpty()", true).build());
        int site = h.bind(GET_PROMPT, "prompt");

        Object value = h.call(site, origin(null), "classic");
        h.call(site, origin(null), "classic");

        assertThat(value).isNull();
        assertThat(originCalls).hasValue(2);
        assertThat(h.events.named("rule_error")).hasSize(1);
    }

    @Test
    void keyWhoseHashCodeThrows_theCallRunsAsIfTheAgentWereAbsent() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(method("java.lang.String", "com.example.Broken key"), "prompt");

        Object value = h.call(site, origin("value"), new BrokenKey());

        assertThat(value).isEqualTo("value");
        assertThat(h.events.only("rule_error").error()).contains("broken hashCode");
    }

    @Test
    void valueOfAnotherTypeInASharedCache_isNotReturnedToTheCaller() throws Throwable {
        Harness h = Harness.of(rule("count").cache("prompts").build(), rule("text").cache("prompts").build());
        int count = h.bind(methodOf("com.example.Stats", "count", "java.lang.Integer", "java.lang.Integer",
                "java.lang.String style"), "count");
        int text = h.bind(GET_PROMPT, "text");
        h.call(count, origin(42), "classic");

        Object value = h.call(text, origin("oil"), "classic");

        assertThat(value).isEqualTo("oil");
        assertThat(h.events.only("rule_error").reason()).contains("java.lang.Integer", "java.lang.String");
    }

    @Test
    void valueOfASubtypeOfTheReturnType_isServed() throws Throwable {
        Harness h = Harness.of(rule("seq").cache("prompts").build());
        int site = h.bind(method("java.lang.CharSequence", "java.lang.String style"), "seq");
        h.call(site, origin("oil"), "classic");

        Object value = h.call(site, origin("other"), "classic");

        assertThat(value).isEqualTo("oil");
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void enter_unknownSite_runsTheMethodUntouched() {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());

        assertThat(h.runtime.enter(99, null, new Object[] {"classic"})).isNull();
        assertThat(h.runtime.enter(-1, null, new Object[] {"classic"})).isNull();
    }

    @Test
    void exit_foreignContext_returnsWhatTheMethodReturned() {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());

        assertThat(h.runtime.exit(0, "not a context", "value", null)).isEqualTo("value");
    }

    @Test
    void exit_methodThrew_neverAnswersWithAHit() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");
        Object context = h.runtime.enter(site, null, new Object[] {"classic"});

        Object outcome = h.runtime.exit(site, context, null, new IllegalStateException("failed"));

        assertThat(outcome).isNull();
    }
}
