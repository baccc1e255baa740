package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.liveCache;
import static dev.cacheagent.runtime.TestRules.log;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.observe.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code refreshAhead}: a hit on an entry past that share of its ttl reloads it once, in the background. */
class RefreshAheadTest {
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration DUE = Duration.ofMinutes(9);

    private final AtomicInteger version = new AtomicInteger();
    private Harness h;

    @AfterEach
    void stopLoaderThreads() {
        h.runtime.close();
    }

    private LiveFixtures.PromptService service(Function<String, Object> origin) {
        h = new Harness(List.of(liveCache("prompts", TTL, 0.8, null)),
                rule("prompt").cache("prompts").log(log("prompt-cache")).build());
        return new LiveFixtures.PromptService(h.runtime, h.bind(LiveFixtures.GET, "prompt"), origin);
    }

    private Object versioned(String style) {
        return style + " v" + version.incrementAndGet();
    }

    @Test
    void hit_pastTheRefreshShare_returnsTheCachedValueAtOnce() throws Throwable {
        CountDownLatch release = new CountDownLatch(1);
        LiveFixtures.PromptService service = service(style -> {
            if (version.get() > 0) {
                await(release);
            }
            return versioned(style);
        });
        service.get("classic");
        h.clock.advance(DUE);

        String value = service.get("classic");

        assertThat(value).isEqualTo("classic v1");
        release.countDown();
    }

    @Test
    void hit_pastTheRefreshShare_reloadsTheEntryOnARefreshThread() throws Throwable {
        LiveFixtures.PromptService service = service(this::versioned);
        service.get("classic");
        h.clock.advance(DUE);

        service.get("classic");

        Event refresh = h.events.await("refresh", 1).get(0);
        assertThat(refresh.key()).isEqualTo("classic");
        assertThat(refresh.source()).isEqualTo("refresh");
        assertThat(service.originThreads).containsExactly("main", "cache-agent-refresh");
    }

    @Test
    void hit_afterARefresh_servesTheRefreshedValueMarkedAsSuch() throws Throwable {
        LiveFixtures.PromptService service = service(this::versioned);
        service.get("classic");
        h.clock.advance(DUE);
        service.get("classic");
        h.events.await("refresh", 1);

        String value = service.get("classic");

        assertThat(value).isEqualTo("classic v2");
        assertThat(h.events.named("hit")).last().extracting(Event::source, Event::ageMs)
                .containsExactly("refresh", 0.0);
    }

    @Test
    void refreshedEntry_livesAFullTtlFromItsRefresh() throws Throwable {
        LiveFixtures.PromptService service = service(this::versioned);
        service.get("classic");
        h.clock.advance(DUE);
        service.get("classic");
        h.events.await("refresh", 1);

        h.clock.advance(TTL.minus(DUE).plusMinutes(5));

        assertThat(service.get("classic")).isEqualTo("classic v2");
        assertThat(version).hasValue(2);
    }

    @Test
    void hit_beforeTheRefreshShare_doesNotReload() throws Throwable {
        LiveFixtures.PromptService service = service(this::versioned);
        service.get("classic");
        h.clock.advance(DUE.minusSeconds(90));

        service.get("classic");

        assertThat(h.runtime.cache("prompts").get("classic").claimRefresh())
                .as("no hit claimed the entry's refresh").isTrue();
    }

    @Test
    void manyHitsOnADueEntry_refreshItOnce() throws Throwable {
        CountDownLatch release = new CountDownLatch(1);
        LiveFixtures.PromptService service = service(style -> {
            if (version.get() > 0) {
                await(release);
            }
            return versioned(style);
        });
        service.get("classic");
        h.clock.advance(DUE);

        for (int i = 0; i < 5; i++) {
            assertThat(service.get("classic")).isEqualTo("classic v1");
        }
        release.countDown();

        h.events.await("refresh", 1);
        assertThat(service.originThreads).containsExactly("main", "cache-agent-refresh");
    }

    @Test
    void failedRefresh_keepsServingTheOldValueUntilItExpires() throws Throwable {
        LiveFixtures.PromptService service = service(style -> {
            if (version.getAndIncrement() > 0) {
                throw new IllegalStateException("database unreachable");
            }
            return "classic v1";
        });
        service.get("classic");
        h.clock.advance(DUE);
        service.get("classic");

        Event error = h.events.await("refresh_error", 1).get(0);
        assertThat(error.error()).isEqualTo("java.lang.IllegalStateException: database unreachable");
        assertThat(service.get("classic")).isEqualTo("classic v1");
        assertThat(service.originThreads).containsExactly("main", "cache-agent-refresh");
    }

    @Test
    void evictionDuringARefresh_wins() throws Throwable {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LiveFixtures.PromptService service = service(style -> {
            if (version.get() > 0) {
                started.countDown();
                await(release);
            }
            return versioned(style);
        });
        service.get("classic");
        h.clock.advance(DUE);
        service.get("classic");
        await(started);

        h.runtime.cache("prompts").invalidate("classic");
        release.countDown();

        Event error = h.events.await("refresh_error", 1).get(0);
        assertThat(error.reason()).contains("eviction or put");
        assertThat(h.runtime.cache("prompts").get("classic")).isNull();
    }

    @Test
    void missWhileTheRefreshRuns_waitsForItInsteadOfCallingTheOriginAgain() throws Throwable {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LiveFixtures.PromptService service = service(style -> {
            if (version.get() > 0) {
                started.countDown();
                await(release);
            }
            return versioned(style);
        });
        service.get("classic");
        h.clock.advance(DUE);
        service.get("classic");
        await(started);
        h.clock.advance(TTL);

        CompletableFuture<String> caller = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                caller.complete(service.get("classic"));
            } catch (Throwable e) {
                caller.completeExceptionally(e);
            }
        }, "caller");
        thread.start();
        awaitWaiting(thread);
        release.countDown();

        assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo("classic v2");
        assertThat(service.originThreads).containsExactly("main", "cache-agent-refresh");
    }

    @Test
    void shadowRule_neverRefreshes() throws Throwable {
        h = new Harness(List.of(liveCache("prompts", TTL, 0.8, null)),
                rule("prompt").cache("prompts").shadow().log(log("prompt-cache")).build());
        LiveFixtures.PromptService service = new LiveFixtures.PromptService(h.runtime,
                h.bind(LiveFixtures.GET, "prompt"), this::versioned);
        service.get("classic");
        h.clock.advance(DUE);

        service.get("classic");

        assertThat(h.events.named("shadow_hit")).hasSize(1);
        assertThat(h.runtime.cache("prompts").get("classic").claimRefresh())
                .as("no hit claimed the entry's refresh").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the test's latch was not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until the thread blocks (here: waiting for the load it follows), at most 10 s. */
    private static void awaitWaiting(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the caller did not start waiting within 10 s: " + thread.getState());
            }
            Thread.onSpinWait();
        }
    }
}
