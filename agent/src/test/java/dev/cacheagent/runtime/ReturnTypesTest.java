package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.methodOf;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Optional and future returns: the value inside is what is cached. */
class ReturnTypesTest {
    private static final MethodInfo FIND_PROMPT = methodOf("com.example.PromptService", "find", "java.util.Optional",
            "java.util.Optional<java.lang.String>", "java.lang.String style");
    private static final MethodInfo FETCH_PROMPT = methodOf("com.example.PromptService", "fetch",
            "java.util.concurrent.CompletableFuture", "java.util.concurrent.CompletableFuture<java.lang.String>",
            "java.lang.String style");
    private static final MethodInfo STAGE_PROMPT = methodOf("com.example.PromptService", "stage",
            "java.util.concurrent.CompletionStage", "java.util.concurrent.CompletionStage<java.lang.String>",
            "java.lang.String style");

    private final AtomicInteger originCalls = new AtomicInteger();

    private Harness.Body origin(Object value) {
        return () -> {
            originCalls.incrementAndGet();
            return value;
        };
    }

    @Test
    void optional_hit_returnsAnOptionalOfTheCachedValue() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(FIND_PROMPT, "prompt");
        h.call(site, origin(Optional.of("oil")), "classic");

        Object value = h.call(site, origin(Optional.of("other")), "classic");

        assertThat(value).isEqualTo(Optional.of("oil"));
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void optional_valueInside_isWhatTheCacheHolds() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(FIND_PROMPT, "prompt");

        h.call(site, origin(Optional.of("oil")), "classic");

        assertThat(h.runtime.cache("prompts").get("classic").value()).isEqualTo("oil");
    }

    @Test
    void optional_empty_isNotCached() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(FIND_PROMPT, "prompt");

        h.call(site, origin(Optional.empty()), "missing");
        h.call(site, origin(Optional.empty()), "missing");

        assertThat(originCalls).hasValue(2);
    }

    @Test
    void optional_emptyWithCacheNulls_isServedAsEmpty() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts", null, null, null, true).build());
        int site = h.bind(FIND_PROMPT, "prompt");
        h.call(site, origin(Optional.empty()), "missing");

        Object value = h.call(site, origin(Optional.of("late")), "missing");

        assertThat(value).isEqualTo(Optional.empty());
    }

    @Test
    void future_completedValue_isCachedAndAHitReturnsACompletedFuture() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(FETCH_PROMPT, "prompt");
        h.call(site, origin(CompletableFuture.completedFuture("oil")), "classic");

        Object value = h.call(site, origin(CompletableFuture.completedFuture("other")), "classic");

        assertThat(value).isInstanceOf(CompletableFuture.class);
        assertThat(((CompletableFuture<?>) value).getNow(null)).isEqualTo("oil");
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void future_notYetComplete_isStoredWhenItCompletes() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(FETCH_PROMPT, "prompt");
        CompletableFuture<String> pending = new CompletableFuture<>();

        Object returned = h.call(site, origin(pending), "classic");
        assertThat(returned).isSameAs(pending);
        assertThat(h.runtime.cache("prompts").get("classic")).isNull();

        pending.complete("oil");
        assertThat(h.runtime.cache("prompts").get("classic").value()).isEqualTo("oil");
    }

    @Test
    void future_failed_isNotCached() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(FETCH_PROMPT, "prompt");

        h.call(site, origin(CompletableFuture.failedFuture(new IllegalStateException("provider down"))), "classic");
        h.call(site, origin(CompletableFuture.completedFuture("oil")), "classic");

        assertThat(originCalls).hasValue(2);
    }

    @Test
    void future_failed_reachesTheCallerUnchanged() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(FETCH_PROMPT, "prompt");
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new IllegalStateException("provider down"));

        Object returned = h.call(site, origin(failed), "classic");

        assertThat(returned).isSameAs(failed);
    }

    @Test
    void future_followerOfAPendingLoad_getsAFutureOfTheLeadersValueWithoutWaiting() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(FETCH_PROMPT, "prompt");
        CompletableFuture<String> pending = new CompletableFuture<>();
        Object context = h.runtime.enter(site, null, new Object[] {"classic"});

        CompletableFuture<Object> follower = CompletableFuture.supplyAsync(() -> {
            try {
                return h.call(site, origin(CompletableFuture.completedFuture("other")), "classic");
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        });
        CompletableFuture<?> followerValue = (CompletableFuture<?>) follower.join();
        assertThat(followerValue).isNotDone();

        h.runtime.exit(site, context, pending, null);
        pending.complete("oil");

        assertThat(followerValue.join()).isEqualTo("oil");
        assertThat(originCalls).hasValue(0);
    }

    @Test
    void future_putsRunOnceItCompletesNormally() throws Throwable {
        Harness h = Harness.of(rule("save").put("prompts", "#style", "#result").build());
        int site = h.bind(STAGE_PROMPT, "save");
        CompletableFuture<String> pending = new CompletableFuture<>();
        h.call(site, origin(pending), "classic");
        assertThat(h.runtime.cache("prompts").get("classic")).isNull();

        pending.complete("oil");

        assertThat(h.runtime.cache("prompts").get("classic").value()).isEqualTo("oil");
    }

    @Test
    void future_failing_runsNoPut() throws Throwable {
        Harness h = Harness.of(rule("save").put("prompts", "#style", "#result").build());
        int site = h.bind(STAGE_PROMPT, "save");
        CompletableFuture<String> pending = new CompletableFuture<>();
        h.call(site, origin(pending), "classic");

        pending.completeExceptionally(new IllegalStateException("provider down"));

        assertThat(h.runtime.cache("prompts").get("classic")).isNull();
    }

    @Test
    void completionStage_completedValue_isCached() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(STAGE_PROMPT, "prompt");
        CompletionStage<String> stage = CompletableFuture.completedFuture("oil").minimalCompletionStage();
        h.call(site, origin(stage), "classic");

        Object value = h.call(site, origin(stage), "classic");

        assertThat(((CompletionStage<?>) value).toCompletableFuture().join()).isEqualTo("oil");
        assertThat(originCalls).hasValue(1);
    }
}
