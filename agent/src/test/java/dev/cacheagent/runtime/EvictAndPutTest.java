package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.log;
import static dev.cacheagent.runtime.TestRules.methodOf;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cacheagent.cache.CacheEntry;
import dev.cacheagent.cache.CacheTier;
import dev.cacheagent.config.EvictAction.When;
import dev.cacheagent.observe.Event;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A write method's {@code evict} and {@code put} (SPEC §2, scene-update). */
class EvictAndPutTest {
    private static final MethodInfo UPDATE_SCENE = methodOf("com.example.SceneService", "updateScene",
            "java.lang.String", "java.lang.String", "java.lang.String projectId", "java.lang.String sceneId");
    private static final RuntimeException FAILURE = new IllegalStateException("write failed");

    private static CacheTier primedScenes(Harness h) {
        CacheTier scenes = h.runtime.cache("scenes");
        scenes.store("p1:s1", "old scene", CacheEntry.Source.ORIGIN);
        scenes.store("p1:s2", "other scene", CacheEntry.Source.ORIGIN);
        scenes.store("p2:s1", "other project", CacheEntry.Source.ORIGIN);
        return scenes;
    }

    private static Harness.Body failing() {
        return () -> {
            throw FAILURE;
        };
    }

    @Test
    void evictAfter_normalReturn_evictsTheKey() throws Throwable {
        Harness h = Harness.of(rule("update").evictKey("scenes", "#projectId + ':' + #sceneId", When.AFTER).build());
        CacheTier scenes = primedScenes(h);
        int site = h.bind(UPDATE_SCENE, "update");

        h.call(site, () -> "ok", "p1", "s1");

        assertThat(scenes.get("p1:s1")).isNull();
        assertThat(scenes.get("p1:s2")).isNotNull();
    }

    @Test
    void evictAfter_methodThrows_evictsNothing() throws Throwable {
        Harness h = Harness.of(rule("update").evictKey("scenes", "#projectId + ':' + #sceneId", When.AFTER).build());
        CacheTier scenes = primedScenes(h);
        int site = h.bind(UPDATE_SCENE, "update");

        Throwable thrown = catchThrowable(() -> h.call(site, failing(), "p1", "s1"));

        assertThat(thrown).isSameAs(FAILURE);
        assertThat(scenes.get("p1:s1")).isNotNull();
    }

    @Test
    void evictBefore_methodThrows_hasEvictedAnyway() throws Throwable {
        Harness h = Harness.of(rule("update").evictKey("scenes", "#projectId + ':' + #sceneId", When.BEFORE).build());
        CacheTier scenes = primedScenes(h);
        int site = h.bind(UPDATE_SCENE, "update");

        Throwable thrown = catchThrowable(() -> h.call(site, failing(), "p1", "s1"));

        assertThat(thrown).isSameAs(FAILURE);
        assertThat(scenes.get("p1:s1")).isNull();
    }

    @Test
    void evictBefore_runsBeforeTheMethod() throws Throwable {
        Harness h = Harness.of(rule("update").evictKey("scenes", "#projectId + ':' + #sceneId", When.BEFORE).build());
        CacheTier scenes = primedScenes(h);
        int site = h.bind(UPDATE_SCENE, "update");
        AtomicReference<Object> seenInside = new AtomicReference<>("not called");

        h.call(site, () -> {
            seenInside.set(scenes.get("p1:s1"));
            return "ok";
        }, "p1", "s1");

        assertThat(seenInside.get()).isNull();
    }

    @Test
    void evictPattern_evictsEveryMatchingKey() throws Throwable {
        Harness h = Harness.of(rule("update").evictPattern("scenes", "#projectId + ':*'", When.AFTER).build());
        CacheTier scenes = primedScenes(h);
        int site = h.bind(UPDATE_SCENE, "update");

        h.call(site, () -> "ok", "p1", "s9");

        assertThat(scenes.get("p1:s1")).isNull();
        assertThat(scenes.get("p1:s2")).isNull();
        assertThat(scenes.get("p2:s1")).isNotNull();
    }

    @Test
    void evictAll_evictsEverything() throws Throwable {
        Harness h = Harness.of(rule("reset").evictAll("scenes", When.AFTER).build());
        CacheTier scenes = primedScenes(h);
        int site = h.bind(UPDATE_SCENE, "reset");

        h.call(site, () -> "ok", "p1", "s1");

        assertThat(scenes.size()).isZero();
    }

    @Test
    void evict_writesAnEvictEventNamingTheCacheAndKey() throws Throwable {
        Harness h = Harness.of(rule("update").evictKey("scenes", "#projectId + ':' + #sceneId", When.AFTER)
                .log(log("scene-writes")).build());
        primedScenes(h);
        int site = h.bind(UPDATE_SCENE, "update");

        h.call(site, () -> "ok", "p1", "s1");

        Event evict = h.events.only("evict");
        assertThat(evict.cache()).isEqualTo("scenes");
        assertThat(evict.key()).isEqualTo("p1:s1");
        assertThat(evict.channel()).isEqualTo("scene-writes");
    }

    @Test
    void evictPattern_eventCarriesThePattern() throws Throwable {
        Harness h = Harness.of(rule("update").evictPattern("scenes", "#projectId + ':*'", When.AFTER)
                .log(log("scene-writes")).build());
        int site = h.bind(UPDATE_SCENE, "update");

        h.call(site, () -> "ok", "p1", "s1");

        assertThat(h.events.only("evict").attributes()).containsEntry("pattern", "p1:*");
    }

    @Test
    void put_normalReturn_storesTheValueAsAPut() throws Throwable {
        Harness h = Harness.of(rule("update").put("scenes", "#projectId + ':' + #sceneId", "#result").build());
        CacheTier scenes = primedScenes(h);
        int site = h.bind(UPDATE_SCENE, "update");

        h.call(site, () -> "new scene", "p1", "s1");

        assertThat(scenes.get("p1:s1").value()).isEqualTo("new scene");
        assertThat(scenes.get("p1:s1").source()).isEqualTo(CacheEntry.Source.PUT);
    }

    @Test
    void put_methodThrows_storesNothing() throws Throwable {
        Harness h = Harness.of(rule("update").put("scenes", "#projectId + ':' + #sceneId", "#result").build());
        CacheTier scenes = primedScenes(h);
        int site = h.bind(UPDATE_SCENE, "update");

        catchThrowable(() -> h.call(site, failing(), "p1", "s1"));

        assertThat(scenes.get("p1:s1").value()).isEqualTo("old scene");
    }

    @Test
    void put_nullValue_evictsTheKeyInsteadOfKeepingTheOldValue() throws Throwable {
        Harness h = Harness.of(rule("update").put("scenes", "#projectId + ':' + #sceneId", "#result").build());
        CacheTier scenes = primedScenes(h);
        int site = h.bind(UPDATE_SCENE, "update");

        h.call(site, () -> null, "p1", "s1");

        assertThat(scenes.get("p1:s1")).isNull();
    }

    @Test
    void put_writesAPutEvent() throws Throwable {
        Harness h = Harness.of(rule("update").put("scenes", "#projectId + ':' + #sceneId", "#result")
                .log(log("scene-writes")).build());
        int site = h.bind(UPDATE_SCENE, "update");

        h.call(site, () -> "new scene", "p1", "s1");

        Event put = h.events.only("put");
        assertThat(put.cache()).isEqualTo("scenes");
        assertThat(put.key()).isEqualTo("p1:s1");
        assertThat(put.source()).isEqualTo("put");
    }

    @Test
    void readerAndWriterSharingACache_theWritersEvictionReachesTheReadersEntry() throws Throwable {
        MethodInfo getScene = methodOf("com.example.SceneService", "getScene", "java.lang.String", "java.lang.String",
                "java.lang.String projectId", "java.lang.String sceneId");
        Harness h = Harness.of(
                rule("read").cache("scenes", "#projectId + ':' + #sceneId", null, null, false).build(),
                rule("update").evictKey("scenes", "#projectId + ':' + #sceneId", When.AFTER).build());
        int read = h.bind(getScene, "read");
        int update = h.bind(UPDATE_SCENE, "update");
        h.call(read, () -> "v1", "p1", "s1");

        h.call(update, () -> "ok", "p1", "s1");
        Object reread = h.call(read, () -> "v2", "p1", "s1");

        assertThat(reread).isEqualTo("v2");
    }
}
