package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * config-samples/image-generation.yaml: each distinct image paid for once, the money saved reported, and the images
 * shared through the Redis on 127.0.0.1:6379, so that they survive a restart.
 */
class ImageGenerationSampleIT {
    private static final String FOX = "/images?prompt=a%20red%20fox&size=512x512&format=png";

    private static ServedApp start(String prefix) throws Exception {
        return ServedApp.start(ChildJvm.java().agent(Jars.sample("image-generation.yaml"))
                .env("CACHE_KEY_PREFIX", prefix).env("CACHE_AGENT_STATS", "1h"));
    }

    @Test
    void sameImageRequested_callsTheProviderOnce_andStatsShowTheMoneySaved() throws Exception {
        String prefix = SharedRedis.newPrefix();
        ServedApp app = start(prefix);
        long calls = app.stats().path("providerCalls").asLong();
        String first = app.get(FOX);
        SharedRedis.awaitKeys(prefix + "images:*", 1);
        for (int i = 0; i < 4; i++) {
            assertThat(app.get(FOX)).isEqualTo(first);
        }
        app.get("/images?prompt=a%20red%20fox&size=512x512&format=webp");
        assertThat(app.stats().path("providerCalls").asLong()).isEqualTo(calls + 2);
        app.shutdown();

        Events events = Events.from(app.jvm().stderr());
        JsonNode stats = events.named("stats").stream().filter(e -> e.path("cache").asText().equals("images"))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError(app.jvm().transcript()));
        assertThat(stats.path("hits").asLong()).isEqualTo(4);
        assertThat(stats.path("savedCost").asDouble()).isCloseTo(4 * 0.04, Offset.offset(1e-9));
        assertThat(stats.path("savedMs").asDouble()).isPositive();
        assertThat(events.named("hit", "images")).hasSize(4)
                .allSatisfy(hit -> assertThat(hit.path("format").asText()).isEqualTo("png"))
                .allSatisfy(hit -> assertThat(hit.path("tier").asText()).isEqualTo("redis"));
    }

    @Test
    void longPrompts_areKeyedByTheirHash() throws Exception {
        String prefix = SharedRedis.newPrefix();
        ServedApp app = start(prefix);
        String prompt = "a%20very%20long%20prompt".repeat(20);
        app.get("/images?prompt=" + prompt + "&size=64x64&format=png");
        SharedRedis.awaitKeys(prefix + "images:*", 1);
        app.get("/images?prompt=" + prompt + "&size=64x64&format=png");
        app.shutdown();

        assertThat(Events.from(app.jvm().stderr()).named("hit", "images")).singleElement()
                .satisfies(hit -> assertThat(hit.path("key").asText()).matches("[0-9a-f]{64}"));
    }

    @Test
    void imageGeneratedBeforeARestart_isAHitFromRedisAfterIt_withoutCallingTheProvider() throws Exception {
        String prefix = SharedRedis.newPrefix();
        ServedApp before = start(prefix);
        String image = before.get(FOX);
        SharedRedis.awaitKeys(prefix + "images:*", 1);
        before.shutdown();

        ServedApp after = start(prefix);
        assertThat(after.get(FOX)).isEqualTo(image);
        assertThat(after.stats().path("providerCalls").asLong()).as("provider calls after the restart").isZero();
        after.shutdown();
        assertThat(Events.from(after.jvm().stderr()).named("hit", "images")).singleElement()
                .satisfies(hit -> assertThat(hit.path("tier").asText()).isEqualTo("redis"));
    }
}
