package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.method;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Concurrent misses on one key run the original method once (SPEC §5). */
@Timeout(10)
class SingleFlightTest {
    private static final MethodInfo GET_PROMPT = method("java.lang.String", "java.lang.String style");

    private final Harness h = Harness.of(rule("prompt").cache("prompts").build());
    private final int site = h.bind(GET_PROMPT, "prompt");
    private final AtomicInteger originCalls = new AtomicInteger();
    private final CountDownLatch leaderInside = new CountDownLatch(1);
    private final CountDownLatch releaseLeader = new CountDownLatch(1);

    /** A call on its own thread; its result is the value the caller got, or the exception it got. */
    private final class Caller {
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        final Thread thread;
        volatile boolean interruptedAfterwards;

        Caller(Harness.Body body) {
            thread = new Thread(() -> {
                try {
                    outcome.complete(h.call(site, body, "classic"));
                } catch (Throwable t) {
                    outcome.complete(t);
                }
                interruptedAfterwards = Thread.currentThread().isInterrupted();
            });
            thread.start();
        }

        Object get() throws Exception {
            return outcome.get(5, TimeUnit.SECONDS);
        }

        /** Until the thread is parked (waiting for the leader); a state check, not a timing guess. */
        Caller awaitParked() {
            while (thread.getState() != Thread.State.WAITING) {
                assertThat(thread.isAlive()).as("caller still running").isTrue();
                Thread.onSpinWait();
            }
            return this;
        }
    }

    private Harness.Body blockingOrigin(Object value) {
        return () -> {
            originCalls.incrementAndGet();
            leaderInside.countDown();
            releaseLeader.await();
            return value;
        };
    }

    private Harness.Body origin(Object value) {
        return () -> {
            originCalls.incrementAndGet();
            return value;
        };
    }

    @Test
    void concurrentMisses_runTheMethodOnceAndShareItsValue() throws Exception {
        Caller leader = new Caller(blockingOrigin("oil"));
        leaderInside.await();
        Caller follower = new Caller(origin("other")).awaitParked();

        releaseLeader.countDown();

        assertThat(leader.get()).isEqualTo("oil");
        assertThat(follower.get()).isEqualTo("oil");
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void concurrentMisses_manyFollowers_runTheMethodOnce() throws Exception {
        Caller leader = new Caller(blockingOrigin("oil"));
        leaderInside.await();
        List<Caller> followers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            followers.add(new Caller(origin("other")).awaitParked());
        }

        releaseLeader.countDown();

        assertThat(leader.get()).isEqualTo("oil");
        for (Caller follower : followers) {
            assertThat(follower.get()).isEqualTo("oil");
        }
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void leaderFails_eachFollowerRunsTheMethodItself() throws Exception {
        IllegalStateException failure = new IllegalStateException("database down");
        Caller leader = new Caller(() -> {
            leaderInside.countDown();
            releaseLeader.await();
            throw failure;
        });
        leaderInside.await();
        Caller follower = new Caller(origin("follower's own")).awaitParked();

        releaseLeader.countDown();

        assertThat(leader.get()).isSameAs(failure);
        assertThat(follower.get()).isEqualTo("follower's own");
        assertThat(originCalls).hasValue(1);
    }

    @Test
    void recursionWithTheSameKey_runsTheInnerCallItselfInsteadOfWaitingForItself() throws Throwable {
        Object value = h.call(site, () -> {
            Object inner = h.call(site, origin("inner"), "classic");
            return "outer around " + inner;
        }, "classic");

        assertThat(value).isEqualTo("outer around inner");
        assertThat(h.runtime.cache("prompts").get("classic").value()).isEqualTo("outer around inner");
    }

    @Test
    void interruptedFollower_runsTheMethodItselfAndKeepsItsInterruptFlag() throws Exception {
        Caller leader = new Caller(blockingOrigin("oil"));
        leaderInside.await();
        Caller follower = new Caller(origin("follower's own")).awaitParked();

        follower.thread.interrupt();

        assertThat(follower.get()).isEqualTo("follower's own");
        follower.thread.join();
        assertThat(follower.interruptedAfterwards).isTrue();
        releaseLeader.countDown();
        assertThat(leader.get()).isEqualTo("oil");
    }

    @Test
    void followerServedByTheLeader_countsAsAHit() throws Exception {
        Caller leader = new Caller(blockingOrigin("oil"));
        leaderInside.await();
        Caller follower = new Caller(origin("other")).awaitParked();
        releaseLeader.countDown();
        leader.get();
        follower.get();

        var snapshot = h.runtime.ruleMetrics().get("prompt").snapshot();
        assertThat(snapshot.misses()).isEqualTo(1);
        assertThat(snapshot.hits()).isEqualTo(1);
    }
}
