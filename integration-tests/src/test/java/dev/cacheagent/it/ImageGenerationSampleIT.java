package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** config-samples/image-generation.yaml: each distinct image paid for once, and the money saved reported. */
class ImageGenerationSampleIT {

    @Test
    void sameImageRequested_callsTheProviderOnce_andStatsShowTheMoneySaved() throws Exception {
        ServedApp app = ServedApp.start(ChildJvm.java().agent(Jars.sample("image-generation.yaml"))
                .env("CACHE_AGENT_STATS", "1h"));
        long calls = app.stats().path("providerCalls").asLong();
        String first = app.get("/images?prompt=a%20red%20fox&size=512x512&format=png");
        for (int i = 0; i < 4; i++) {
            assertThat(app.get("/images?prompt=a%20red%20fox&size=512x512&format=png")).isEqualTo(first);
        }
        app.get("/images?prompt=a%20red%20fox&size=512x512&format=webp");
        assertThat(app.stats().path("providerCalls").asLong()).isEqualTo(calls + 2);
        app.shutdown();

        Events events = Events.from(app.jvm().stderr());
        JsonNode stats = events.named("stats").stream().filter(e -> e.path("cache").asText().equals("images"))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError(app.jvm().transcript()));
        assertThat(stats.path("hits").asLong()).isEqualTo(4);
        assertThat(stats.path("savedCost").asDouble()).isCloseTo(4 * 0.04, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stats.path("savedMs").asDouble()).isPositive();
        assertThat(events.named("hit", "images")).hasSize(4)
                .allSatisfy(hit -> assertThat(hit.path("format").asText()).isEqualTo("png"));
    }

    @Test
    void longPrompts_areKeyedByTheirHash() throws Exception {
        ServedApp app = ServedApp.start(ChildJvm.java().agent(Jars.sample("image-generation.yaml")));
        String prompt = "a%20very%20long%20prompt".repeat(20);
        app.get("/images?prompt=" + prompt + "&size=64x64&format=png");
        app.get("/images?prompt=" + prompt + "&size=64x64&format=png");
        app.shutdown();

        assertThat(Events.from(app.jvm().stderr()).named("hit", "images")).singleElement()
                .satisfies(hit -> assertThat(hit.path("key").asText()).matches("[0-9a-f]{64}"));
    }
}
