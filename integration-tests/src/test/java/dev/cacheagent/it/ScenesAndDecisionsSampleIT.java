package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** config-samples/scenes-and-decisions.yaml on test-app serving HTTP. */
class ScenesAndDecisionsSampleIT {
    private static ServedApp app;

    @BeforeAll
    static void start() throws Exception {
        app = ServedApp.start(ChildJvm.java().agent(Jars.sample("scenes-and-decisions.yaml"))
                .env("CACHE_AGENT_STATS", "1h"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void sceneReads_areCached_andAnUpdateEvictsSceneAndProjectList() throws Exception {
        app.get("/scenes/p1/s2");
        app.get("/scenes/p1");
        long queries = app.stats().path("dbQueries").asLong();
        app.get("/scenes/p1/s2");
        app.get("/scenes/p1");
        assertThat(app.stats().path("dbQueries").asLong()).as("repeated reads are hits").isEqualTo(queries);

        app.put("/scenes/p1/s2", "a lighthouse at dusk");

        assertThat(app.get("/scenes/p1/s2")).contains("a lighthouse at dusk");
        assertThat(app.get("/scenes/p1")).contains("a lighthouse at dusk");
    }

    @Test
    void decisions_areKeyedOnPromptLocaleAndSceneType_only() throws Exception {
        long calls = app.stats().path("providerCalls").asLong();
        String first = app.post("/decide", decision("user-1", "req-1", "en", "forest"));
        String second = app.post("/decide", decision("user-2", "req-2", "en", "forest"));
        assertThat(app.stats().path("providerCalls").asLong()).isEqualTo(calls + 1);
        assertThat(second).isEqualTo(first);

        app.post("/decide", decision("user-1", "req-3", "fr", "forest"));
        assertThat(app.stats().path("providerCalls").asLong()).isEqualTo(calls + 2);
    }

    @Test
    void componentBuilds_areCachedOnlyWhenTheBuildSucceeded() throws Exception {
        long builds = app.stats().path("builds").asLong();
        app.post("/build", "{\"componentId\":\"hero\",\"spec\":\"button primary\"}");
        app.post("/build", "{\"componentId\":\"hero\",\"spec\":\"button primary\"}");
        assertThat(app.stats().path("builds").asLong()).as("a success is built once").isEqualTo(builds + 1);

        app.post("/build", "{\"componentId\":\"hero\",\"spec\":\"error in layout\"}");
        app.post("/build", "{\"componentId\":\"hero\",\"spec\":\"error in layout\"}");
        assertThat(app.stats().path("builds").asLong()).as("a failed build is retried").isEqualTo(builds + 3);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> app.post("/build", "{\"componentId\":\"hero\",\"spec\":\"crash now\"}"))
                    .hasMessageContaining("HTTP 500");
        }
        assertThat(app.stats().path("builds").asLong()).as("a build that throws is never cached").isEqualTo(builds + 5);
    }

    @Test
    void stats_reportHitsMissesErrorsAndHitRate_perCache_atShutdown() throws Exception {
        ServedApp own = ServedApp.start(ChildJvm.java().agent(Jars.sample("scenes-and-decisions.yaml"))
                .env("CACHE_AGENT_STATS", "1h"));
        own.get("/scenes/p2/s1");
        own.get("/scenes/p2/s1");
        own.get("/scenes/p2/s1");
        own.shutdown();

        JsonNode scenes = Events.from(own.jvm().stderr()).named("stats").stream()
                .filter(e -> e.path("cache").asText().equals("scenes")).reduce((a, b) -> b).orElseThrow(
                        () -> new AssertionError("no stats event for cache scenes\n" + own.jvm().transcript()));
        assertThat(scenes.path("hits").asLong()).isEqualTo(2);
        assertThat(scenes.path("misses").asLong()).isEqualTo(1);
        assertThat(scenes.path("hitRate").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(scenes.has("loadErrors")).isTrue();
        assertThat(scenes.path("size").asLong()).isEqualTo(1);
    }

    private static String decision(String user, String request, String locale, String sceneType) {
        return "{\"prompt\":\"should the camera pan left?\",\"context\":{\"userId\":\"" + user
                + "\",\"requestId\":\"" + request + "\",\"locale\":\"" + locale + "\",\"sceneType\":\""
                + sceneType + "\",\"timestamp\":" + System.nanoTime() + "}}";
    }
}
