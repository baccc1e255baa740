package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.liveCache;
import static dev.cacheagent.runtime.TestRules.log;
import static dev.cacheagent.runtime.TestRules.method;
import static dev.cacheagent.runtime.TestRules.methodOf;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cacheagent.cache.CacheEntry;
import dev.cacheagent.observe.Event;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code staleIfError}: an expired value served in place of the origin's failure, for a while. */
class StaleIfErrorTest {
    private static final Duration TTL = Duration.ofMinutes(1);
    private static final Duration STALE = Duration.ofHours(1);
    private static final MethodInfo GET = method("java.lang.String", "java.lang.String style");

    private final IllegalStateException outage = new IllegalStateException("database unreachable");
    private final AtomicInteger originCalls = new AtomicInteger();

    private Harness harness(Duration staleIfError) {
        return new Harness(List.of(liveCache("prompts", TTL, null, staleIfError)),
                rule("prompt").cache("prompts").log(log("prompt-cache")).build());
    }

    private Harness.Body failing() {
        return () -> {
            originCalls.incrementAndGet();
            throw outage;
        };
    }

    @Test
    void call_originFailsAfterExpiry_returnsTheExpiredValue() throws Throwable {
        Harness h = harness(STALE);
        int site = h.bind(GET, "prompt");
        h.call(site, () -> "Paint like Vermeer", "classic");
        h.clock.advance(TTL.plusMinutes(5));

        Object value = h.call(site, failing(), "classic");

        assertThat(value).isEqualTo("Paint like Vermeer");
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void call_originFailsAfterExpiry_writesAStaleServedEventWithTheEntrysAgeSourceAndTheError() throws Throwable {
        Harness h = harness(STALE);
        int site = h.bind(GET, "prompt");
        h.call(site, () -> "Paint like Vermeer", "classic");
        h.clock.advance(TTL.plusMinutes(5));

        h.call(site, failing(), "classic");

        Event served = h.events.only("stale_served");
        assertThat(served.key()).isEqualTo("classic");
        assertThat(served.ageMs()).isEqualTo(TTL.plusMinutes(5).toMillis());
        assertThat(served.source()).isEqualTo("origin");
        assertThat(served.error()).isEqualTo("java.lang.IllegalStateException: database unreachable");
        assertThat(h.events.named("fetch_error")).isEmpty();
    }

    @Test
    void call_originFailsLongerThanStaleIfErrorAfterExpiry_throwsTheOriginalException() throws Throwable {
        Harness h = harness(STALE);
        int site = h.bind(GET, "prompt");
        h.call(site, () -> "Paint like Vermeer", "classic");
        h.clock.advance(TTL.plus(STALE));

        Throwable thrown = catchThrowable(() -> h.call(site, failing(), "classic"));

        assertThat(thrown).isSameAs(outage);
        assertThat(h.events.named("fetch_error")).hasSize(1);
        assertThat(h.events.named("stale_served")).isEmpty();
    }

    @Test
    void call_originSucceedsAfterExpiry_returnsAndStoresTheFreshValue() throws Throwable {
        Harness h = harness(STALE);
        int site = h.bind(GET, "prompt");
        h.call(site, () -> "old", "classic");
        h.clock.advance(TTL.plusMinutes(5));

        Object value = h.call(site, () -> "new", "classic");
        Object again = h.call(site, failing(), "classic");

        assertThat(value).isEqualTo("new");
        assertThat(again).isEqualTo("new");
        assertThat(originCalls).hasValue(0);
    }

    @Test
    void call_beforeExpiry_isAHitWithoutCallingTheOrigin() throws Throwable {
        Harness h = harness(STALE);
        int site = h.bind(GET, "prompt");
        h.call(site, () -> "cached", "classic");
        h.clock.advance(TTL.minusSeconds(1));

        Object value = h.call(site, failing(), "classic");

        assertThat(value).isEqualTo("cached");
        assertThat(originCalls).hasValue(0);
    }

    @Test
    void call_expiredEntryAndOriginSucceeds_countsAMissNotAHit() throws Throwable {
        Harness h = harness(STALE);
        int site = h.bind(GET, "prompt");
        h.call(site, () -> "old", "classic");
        h.clock.advance(TTL);

        h.call(site, () -> "new", "classic");

        assertThat(h.events.names()).containsExactly("miss", "miss");
        assertThat(h.runtime.ruleMetrics().get("prompt").snapshot().hits()).isZero();
    }

    @Test
    void call_shadowRule_originFailsAfterExpiry_throwsTheOriginalException() throws Throwable {
        Harness h = new Harness(List.of(liveCache("prompts", TTL, null, STALE)),
                rule("prompt").cache("prompts").shadow().log(log("prompt-cache")).build());
        int site = h.bind(GET, "prompt");
        h.call(site, () -> "Paint like Vermeer", "classic");
        h.clock.advance(TTL.plusSeconds(1));

        Throwable thrown = catchThrowable(() -> h.call(site, failing(), "classic"));

        assertThat(thrown).isSameAs(outage);
    }

    @Test
    void call_cacheWithoutStaleIfError_originFailsAfterExpiry_throwsTheOriginalException() throws Throwable {
        Harness h = harness(null);
        int site = h.bind(GET, "prompt");
        h.call(site, () -> "Paint like Vermeer", "classic");
        h.clock.advance(TTL.plusSeconds(1));

        Throwable thrown = catchThrowable(() -> h.call(site, failing(), "classic"));

        assertThat(thrown).isSameAs(outage);
    }

    @Test
    void call_keyEvictedAfterExpiry_throwsTheOriginalExceptionInsteadOfServingTheEvictedValue() throws Throwable {
        Harness h = harness(STALE);
        int site = h.bind(GET, "prompt");
        h.call(site, () -> "Paint like Vermeer", "classic");
        h.clock.advance(TTL.plusSeconds(1));
        h.runtime.cache("prompts").invalidate("classic");

        Throwable thrown = catchThrowable(() -> h.call(site, failing(), "classic"));

        assertThat(thrown).isSameAs(outage);
    }

    @Test
    void call_optionalReturn_servesTheExpiredValueInAnOptional() throws Throwable {
        Harness h = harness(STALE);
        int site = h.bind(methodOf("com.example.PromptService", "find", "java.util.Optional",
                "java.util.Optional<java.lang.String>", "java.lang.String style"), "prompt");
        h.call(site, () -> Optional.of("Paint like Vermeer"), "classic");
        h.clock.advance(TTL.plusSeconds(1));

        Object value = h.call(site, failing(), "classic");

        assertThat(value).isEqualTo(Optional.of("Paint like Vermeer"));
    }

    @Test
    void call_futureFailsAfterExpiry_isReplacedByOneCompletedWithTheExpiredValue() throws Throwable {
        Harness h = harness(STALE);
        int site = h.bind(LiveFixtures.FETCH, "prompt");
        h.call(site, () -> CompletableFuture.completedFuture("Paint like Vermeer"), "classic");
        h.clock.advance(TTL.plusSeconds(1));
        CompletableFuture<String> failing = new CompletableFuture<>();

        CompletableFuture<?> answer = (CompletableFuture<?>) h.call(site, () -> failing, "classic");
        failing.completeExceptionally(outage);

        assertThat(answer.get()).isEqualTo("Paint like Vermeer");
        assertThat(h.events.only("stale_served").error()).contains("database unreachable");
    }

    @Test
    void call_futureFailsLongAfterExpiry_failsWithTheOriginalException() throws Throwable {
        Harness h = harness(STALE);
        int site = h.bind(LiveFixtures.FETCH, "prompt");
        h.call(site, () -> CompletableFuture.completedFuture("Paint like Vermeer"), "classic");
        h.clock.advance(TTL.plusSeconds(1));
        CompletableFuture<String> failing = new CompletableFuture<>();
        CompletableFuture<?> answer = (CompletableFuture<?>) h.call(site, () -> failing, "classic");

        h.clock.advance(STALE);
        failing.completeExceptionally(outage);

        assertThat(catchThrowable(answer::get)).isInstanceOf(ExecutionException.class).hasCause(outage);
    }

    @Test
    void call_futureWithoutAnExpiredEntry_returnsTheMethodsOwnFuture() throws Throwable {
        Harness h = harness(STALE);
        int site = h.bind(LiveFixtures.FETCH, "prompt");
        CompletableFuture<String> own = new CompletableFuture<>();

        Object answer = h.call(site, () -> own, "classic");

        assertThat(answer).isSameAs(own);
    }

    @Test
    void call_servedStale_leavesTheExpiredEntryInPlaceForTheNextFailure() throws Throwable {
        Harness h = harness(STALE);
        int site = h.bind(GET, "prompt");
        h.call(site, () -> "Paint like Vermeer", "classic");
        h.clock.advance(TTL.plusSeconds(1));
        h.call(site, failing(), "classic");

        Object second = h.call(site, failing(), "classic");

        assertThat(second).isEqualTo("Paint like Vermeer");
        assertThat(originCalls).hasValue(2);
        CacheEntry entry = h.runtime.cache("prompts").get("classic");
        assertThat(entry.isFreshAt(h.clock.nanoTime())).isFalse();
    }
}
