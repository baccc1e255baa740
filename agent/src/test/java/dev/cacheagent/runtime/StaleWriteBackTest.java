package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.methodOf;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.config.EvictAction;
import dev.cacheagent.config.Rule;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A load that started before an eviction or put of its key never stores its value after it (SPEC §5).
 * Each test holds a read inside the original method while a write evicts or puts, then lets the read
 * finish.
 */
@Timeout(10)
class StaleWriteBackTest {
    private static final MethodInfo GET_SCENE = methodOf("com.example.SceneService", "getScene", "java.lang.String",
            "java.lang.String", "java.lang.String id");
    private static final MethodInfo UPDATE_SCENE = methodOf("com.example.SceneService", "updateScene",
            "java.lang.String", "java.lang.String", "java.lang.String id");

    private final CountDownLatch readerInside = new CountDownLatch(1);
    private final CountDownLatch releaseReader = new CountDownLatch(1);

    private Harness harness(Rule writer) {
        return Harness.of(rule("read-scene").cache("scenes").build(), writer);
    }

    /** Starts a read of {@code id} that reads {@code value} and then waits inside the method. */
    private CompletableFuture<Object> slowRead(Harness h, int site, String id, String value) {
        CompletableFuture<Object> read = CompletableFuture.supplyAsync(() -> {
            try {
                return h.call(site, () -> {
                    readerInside.countDown();
                    releaseReader.await();
                    return value;
                }, id);
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        });
        await(readerInside);
        return read;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private Object finish(CompletableFuture<Object> read) throws Exception {
        releaseReader.countDown();
        return read.get(5, TimeUnit.SECONDS);
    }

    @Test
    void evictionOfTheKeyDuringARead_theReadStoresNothing() throws Throwable {
        Harness h = harness(rule("update-scene").evictKey("scenes", "#id", EvictAction.When.AFTER).build());
        int read = h.bind(GET_SCENE, "read-scene");
        int update = h.bind(UPDATE_SCENE, "update-scene");
        CompletableFuture<Object> reading = slowRead(h, read, "s1", "before the update");

        h.call(update, () -> "updated", "s1");

        assertThat(finish(reading)).isEqualTo("before the update");
        assertThat(h.runtime.cache("scenes").get("s1")).isNull();
    }

    @Test
    void evictionOfAnotherKeyDuringARead_theReadStores() throws Throwable {
        Harness h = harness(rule("update-scene").evictKey("scenes", "#id", EvictAction.When.AFTER).build());
        int read = h.bind(GET_SCENE, "read-scene");
        int update = h.bind(UPDATE_SCENE, "update-scene");
        CompletableFuture<Object> reading = slowRead(h, read, "s1", "fresh");

        h.call(update, () -> "updated", "s2");

        finish(reading);
        assertThat(h.runtime.cache("scenes").get("s1").value()).isEqualTo("fresh");
    }

    @Test
    void patternEvictionCoveringTheKeyDuringARead_theReadStoresNothing() throws Throwable {
        Harness h = harness(
                rule("update-project").evictPattern("scenes", "#id + ':*'", EvictAction.When.AFTER).build());
        int read = h.bind(GET_SCENE, "read-scene");
        int update = h.bind(UPDATE_SCENE, "update-project");
        CompletableFuture<Object> reading = slowRead(h, read, "p1:s1", "before the update");

        h.call(update, () -> "updated", "p1");

        finish(reading);
        assertThat(h.runtime.cache("scenes").get("p1:s1")).isNull();
    }

    @Test
    void evictionOfEverythingDuringARead_theReadStoresNothing() throws Throwable {
        Harness h = harness(rule("reset").evictAll("scenes", EvictAction.When.AFTER).build());
        int read = h.bind(GET_SCENE, "read-scene");
        int reset = h.bind(UPDATE_SCENE, "reset");
        CompletableFuture<Object> reading = slowRead(h, read, "s1", "before the reset");

        h.call(reset, () -> "done", "anything");

        finish(reading);
        assertThat(h.runtime.cache("scenes").get("s1")).isNull();
    }

    @Test
    void putOfTheKeyDuringARead_theCacheKeepsThePutValue() throws Throwable {
        Harness h = harness(rule("update-scene").put("scenes", "#id", "#result").build());
        int read = h.bind(GET_SCENE, "read-scene");
        int update = h.bind(UPDATE_SCENE, "update-scene");
        CompletableFuture<Object> reading = slowRead(h, read, "s1", "before the update");

        h.call(update, () -> "after the update", "s1");

        finish(reading);
        assertThat(h.runtime.cache("scenes").get("s1").value()).isEqualTo("after the update");
    }

    @Test
    void readAfterTheEviction_loadsAndStoresAFreshValue() throws Throwable {
        Harness h = harness(rule("update-scene").evictKey("scenes", "#id", EvictAction.When.AFTER).build());
        int read = h.bind(GET_SCENE, "read-scene");
        int update = h.bind(UPDATE_SCENE, "update-scene");
        CompletableFuture<Object> reading = slowRead(h, read, "s1", "before the update");
        h.call(update, () -> "updated", "s1");
        finish(reading);

        Object fresh = h.call(read, () -> "after the update", "s1");

        assertThat(fresh).isEqualTo("after the update");
        assertThat(h.runtime.cache("scenes").get("s1").value()).isEqualTo("after the update");
    }
}
