package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * warmup, refreshAhead and staleIfError on test-app in serve mode, with its provider in a JVM of its own
 * whose failure switch the tests flip. One app serves every test: each feature is on a method of its own.
 */
class LiveFeaturesIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    /** Real time between requests: the refresh and stale windows are in real seconds. */
    private static final Duration PACE = Duration.ofMillis(100);
    private static final List<String> WARMED = List.of("neon-noir", "watercolor-dreams", "pixel-art");

    @TempDir
    static Path dir;

    private static ChildJvm provider;
    private static URI providerUri;
    private static ServedApp app;

    @BeforeAll
    static void start() throws Exception {
        provider = ChildJvm.java().testApp("provider", "--port", "0").start();
        String ready = provider.awaitStdout(line -> line.startsWith("READY port="));
        providerUri = URI.create("http://127.0.0.1:" + ready.substring("READY port=".length()).trim());
        Path rules = dir.resolve("live.yaml");
        Files.writeString(rules, """
                version: 1
                caches:
                  prompts: { ttl: 10m, maxEntries: 100 }
                  scenes: { ttl: 2s, maxEntries: 100, refreshAhead: 25% }
                  images: { ttl: 1s, maxEntries: 100, staleIfError: 3s }
                rules:
                  - name: style-prompt
                    match: { type: com.example.preview.StylePromptService, method: getStylePrompt }
                    cache:
                      use: prompts
                      key: "#styleName.trim().toLowerCase()"
                      warmup: [[neon-noir], [watercolor-dreams], ["  Pixel-Art "]]
                    log: { channel: prompt-cache }
                  - name: scene
                    match: { type: com.example.scenes.SceneService, method: getScene }
                    cache: { use: scenes }
                    log: { channel: scenes }
                  - name: image
                    match: { type: com.example.images.ImageService, method: generate }
                    cache: { use: images }
                    log: { channel: images }
                """);
        app = ServedApp.start(ChildJvm.java().agent(rules).env("PROVIDER_URL", providerUri.toString()));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void warmup_fillsTheTopStylesAfterTheFirstCall_beforeTheyAreFirstRequested() throws Exception {
        app.get("/prompts/ukiyo-e");
        List<JsonNode> populated = awaitEvents(e -> e.path("event").asText().equals("warmup_populate"), 3);
        for (String style : WARMED) {
            app.get("/prompts/" + style);
        }
        awaitEvents(e -> e.path("event").asText().equals("hit") && rule(e, "style-prompt"), 3);

        List<JsonNode> lines = events().where(e -> e.path("channel").asText().equals("prompt-cache"));
        assertThat(lines).extracting(e -> e.path("event").asText() + " " + e.path("key").asText())
                .as("the first call is answered (its miss written) before any warm-up loads")
                .startsWith("miss ukiyo-e");
        assertThat(populated).extracting(e -> e.path("key").asText()).containsExactlyElementsOf(WARMED);
        assertThat(populated).allSatisfy(e -> {
            assertThat(e.path("source").asText()).isEqualTo("warmup");
            assertThat(e.has("originMs")).isTrue();
        });
        assertThat(lines).filteredOn(e -> WARMED.contains(e.path("key").asText()))
                .extracting(e -> e.path("event").asText() + " " + e.path("source").asText())
                .containsOnly("warmup_populate warmup", "hit warmup");
        assertThat(app.stats().path("promptQueries").asLong()).as("one query per style, none for the requests")
                .isEqualTo(1 + WARMED.size());
    }

    @Test
    void refreshAhead_keepsServingHitsAcrossTtlBoundaries_andReloadsInTheBackground() throws Exception {
        String first = app.get("/scenes/p1/s1");
        // 40 requests 100 ms apart: about 4 s, two ttls of 2 s.
        for (int i = 0; i < 40; i++) {
            Thread.sleep(PACE.toMillis());
            assertThat(app.get("/scenes/p1/s1")).isEqualTo(first);
        }
        awaitEvents(e -> e.path("event").asText().equals("hit") && rule(e, "scene"), 40);

        List<JsonNode> lines = events().where(e -> e.path("channel").asText().equals("scenes"));
        assertThat(lines).filteredOn(e -> e.path("event").asText().equals("miss")).as("only the first call misses")
                .hasSize(1);
        assertThat(lines).filteredOn(e -> e.path("event").asText().equals("refresh")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.path("key").asText()).isEqualTo("p1:s1"));
        assertThat(lines).filteredOn(e -> e.path("event").asText().equals("refresh_error")).isEmpty();
        assertThat(lines).filteredOn(e -> e.path("event").asText().equals("hit"))
                .anySatisfy(e -> assertThat(e.path("source").asText()).isEqualTo("refresh"))
                .allSatisfy(e -> assertThat(e.path("ageMs").asDouble()).isLessThan(2000));
    }

    @Test
    void staleIfError_servesTheExpiredImageWhileTheProviderFails_thenTheOriginalError() throws Exception {
        String path = "/images?prompt=a%20red%20fox&size=512x512&format=png";
        String image = app.get(path);
        switchProviderFailure(true);
        try {
            List<String> answers = new ArrayList<>();
            String answer;
            // ttl 1 s + staleIfError 3 s: an error is due after about 4 s; give up after 15 s.
            do {
                Thread.sleep(PACE.toMillis());
                answer = getAnyStatus(path);
                answers.add(answer);
            } while (answer.startsWith("200 ") && answers.size() < 150);

            assertThat(answer).as("after staleIfError the provider's failure reaches the caller").startsWith("502 ");
            assertThat(answers.subList(0, answers.size() - 1)).as("until then, the cached image")
                    .containsOnly("200 " + image);
            List<JsonNode> served = awaitEvents(e -> e.path("event").asText().equals("stale_served"), 1);
            assertThat(served).allSatisfy(e -> {
                assertThat(e.path("ageMs").asDouble()).isBetween(1000.0, 4000.0);
                assertThat(e.path("error").asText()).startsWith("com.example.provider.ProviderException");
            });
            assertThat(awaitEvents(e -> e.path("event").asText().equals("fetch_error") && rule(e, "image"), 1))
                    .allSatisfy(e -> assertThat(e.path("error").asText())
                            .startsWith("com.example.provider.ProviderException"));
        } finally {
            switchProviderFailure(false);
        }
    }

    private static boolean rule(JsonNode event, String rule) {
        return event.path("rule").asText().equals(rule);
    }

    private static Events events() {
        return Events.from(app.jvm().stderr());
    }

    /** Waits for at least {@code count} events that match (the agent writes them from a background thread). */
    private static List<JsonNode> awaitEvents(Predicate<JsonNode> condition, int count) throws InterruptedException {
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (true) {
            List<JsonNode> found = events().where(condition);
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " matching events within " + EVENT_WAIT + ", got "
                        + found.size() + "\n" + app.jvm().transcript());
            }
            Thread.sleep(20);
        }
    }

    private static void switchProviderFailure(boolean on) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(providerUri.resolve("/admin/fail"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"on\":" + on + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    }

    private static String getAnyStatus(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(app.uri(path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
