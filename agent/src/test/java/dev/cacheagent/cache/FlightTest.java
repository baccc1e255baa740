package dev.cacheagent.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cacheagent.bootstrap.Hit;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Single flight and no stale write-back, at the cache's level. */
class FlightTest {
    private final FakeClock clock = new FakeClock();
    private final LocalCache cache = new LocalCache(LocalCacheTest.spec("scenes", Duration.ofMinutes(5), 100, 0),
            clock, new Random(1));

    private Flight lead(Object key) {
        return ((Load.Leader) cache.beginLoad(key)).flight();
    }

    /** Runs {@code beginLoad} on another thread, as a second caller would. */
    private Load beginOnAnotherThread(Object key) throws Exception {
        return CompletableFuture.supplyAsync(() -> cache.beginLoad(key)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void beginLoad_firstMiss_leads() {
        assertThat(cache.beginLoad("k")).isInstanceOf(Load.Leader.class);
    }

    @Test
    void beginLoad_whileAnotherThreadLoads_follows() throws Exception {
        lead("k");

        assertThat(beginOnAnotherThread("k")).isInstanceOf(Load.Follower.class);
    }

    @Test
    void beginLoad_byTheLeadersOwnThread_isReentrantInsteadOfWaitingForItself() {
        lead("k");

        assertThat(cache.beginLoad("k")).isInstanceOf(Load.Reentrant.class);
    }

    @Test
    void beginLoad_afterTheLeaderFinished_leadsAgain() {
        lead("k").succeed("v", false);

        assertThat(cache.beginLoad("k")).isInstanceOf(Load.Leader.class);
    }

    @Test
    void succeed_storesTheValueAsAnOriginEntry() {
        lead("k").succeed("v", true);

        CacheEntry entry = cache.get("k");
        assertThat(entry.value()).isEqualTo("v");
        assertThat(entry.source()).isEqualTo(CacheEntry.Source.ORIGIN);
    }

    @Test
    void succeed_withStoreFalse_storesNothing() {
        lead("k").succeed("v", false);

        assertThat(cache.get("k")).isNull();
    }

    @Test
    void await_leaderSucceeded_returnsTheStoredEntry() throws Exception {
        Flight leader = lead("k");
        Flight follower = follow("k");
        CompletableFuture<Hit> waiter = CompletableFuture.supplyAsync(follower::await);

        leader.succeed("v", true);

        assertThat(waiter.get(5, TimeUnit.SECONDS)).isSameAs(cache.get("k"));
    }

    @Test
    void await_leaderSucceededWithoutStoring_stillReturnsItsValue() {
        Flight leader = lead("k");
        leader.succeed(null, false);

        assertThat(leader.await().value()).isNull();
    }

    @Test
    void await_leaderFailed_returnsNullSoTheCallerRunsTheMethodItself() {
        Flight leader = lead("k");

        leader.fail(new IllegalStateException("db down"));

        assertThat(leader.await()).isNull();
        assertThat(cache.get("k")).isNull();
    }

    @Test
    void await_interrupted_returnsNullAndKeepsTheInterruptFlag() throws Exception {
        lead("k");
        Flight flight = ((Load.Follower) beginOnAnotherThread("k")).flight();

        CompletableFuture<Boolean> interruptedAfterwards = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            Thread.currentThread().interrupt();
            Hit hit = flight.await();
            interruptedAfterwards.complete(hit == null && Thread.currentThread().isInterrupted());
        });
        waiter.start();

        assertThat(interruptedAfterwards.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void value_leaderSucceeds_completesWithTheValue() throws Exception {
        Flight leader = lead("k");
        CompletableFuture<Object> value = leader.value();
        assertThat(value).isNotDone();

        leader.succeed("v", true);

        assertThat(value.get()).isEqualTo("v");
    }

    @Test
    void value_leaderFails_completesWithTheLeadersOwnFailure() {
        Flight leader = lead("k");
        CompletableFuture<Object> value = leader.value();
        IllegalStateException failure = new IllegalStateException("provider down");

        leader.fail(failure);

        assertThatThrownBy(value::get).isInstanceOf(ExecutionException.class).cause().isSameAs(failure);
    }

    @Test
    void succeed_afterInvalidateOfItsKey_storesNothingButStillServesFollowers() throws Exception {
        Flight leader = lead("k");
        Flight follower = follow("k");

        cache.invalidate("k");
        leader.succeed("read before the write", true);

        assertThat(cache.get("k")).isNull();
        assertThat(follower.await().value()).isEqualTo("read before the write");
    }

    @Test
    void succeed_afterAMatchingPatternEviction_storesNothing() {
        Flight leader = lead("p1:s1");

        cache.invalidateMatching("p1:*");
        leader.succeed("stale", true);

        assertThat(cache.get("p1:s1")).isNull();
    }

    @Test
    void succeed_afterANonMatchingPatternEviction_stores() {
        Flight leader = lead("p2:s1");

        cache.invalidateMatching("p1:*");
        leader.succeed("fresh", true);

        assertThat(cache.get("p2:s1").value()).isEqualTo("fresh");
    }

    @Test
    void succeed_afterInvalidateAll_storesNothing() {
        Flight leader = lead("k");

        cache.invalidateAll();
        leader.succeed("stale", true);

        assertThat(cache.get("k")).isNull();
    }

    @Test
    void succeed_afterAStoreOfItsKey_leavesTheStoredValue() {
        Flight leader = lead("k");

        cache.store("k", "written", CacheEntry.Source.PUT);
        leader.succeed("stale", true);

        assertThat(cache.get("k").value()).isEqualTo("written");
        assertThat(cache.get("k").source()).isEqualTo(CacheEntry.Source.PUT);
    }

    @Test
    void beginLoad_afterAnEvictionOvertookTheRunningLoad_leadsAFreshLoad() throws Exception {
        lead("k");

        cache.invalidate("k");

        assertThat(beginOnAnotherThread("k")).isInstanceOf(Load.Leader.class);
    }

    @Test
    void succeed_secondTime_isIgnored() {
        Flight leader = lead("k");
        leader.succeed("first", true);

        assertThat(leader.succeed("second", true)).isFalse();
        assertThat(cache.get("k").value()).isEqualTo("first");
    }

    private Flight follow(Object key) throws Exception {
        Load load = beginOnAnotherThread(key);
        assertThat(load).isInstanceOf(Load.Follower.class);
        return ((Load.Follower) load).flight();
    }
}
