package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * config-samples/llm-responses.yaml: completions cached in a two-level cache (the Redis on 127.0.0.1:6379) on
 * exactly the inputs that change the answer; the request id does not.
 */
class LlmResponsesSampleIT {
    private static String prefix;
    private static int adminPort;
    private static ServedApp app;

    @BeforeAll
    static void start() throws Exception {
        prefix = SharedRedis.newPrefix();
        adminPort = RedisProcess.freePort();
        app = ServedApp.start(ChildJvm.java().agent(Jars.sample("llm-responses.yaml"))
                .env("CACHE_KEY_PREFIX", prefix).env("CACHE_AGENT_STATS", "1s")
                .env("CACHE_AGENT_ADMIN_BIND", "127.0.0.1:" + adminPort));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        app.shutdown();
    }

    private static String chat(String content, double temperature, String requestId) throws Exception {
        JsonNode answer = Events.json(app.post("/chat", """
                {"model":"gpt-test","messages":[{"role":"system","content":"Be brief."},
                 {"role":"user","content":"%s"}],"temperature":%s,"maxTokens":64,"requestId":"%s"}"""
                .formatted(content, temperature, requestId)));
        return answer.path("content").asText();
    }

    @Test
    void sameConversationWithAnotherRequestId_isAnsweredFromTheCache_andOtherParametersAreNot() throws Exception {
        long calls = app.stats().path("providerCalls").asLong();
        int mark = app.jvm().stderr().size();
        String answer = stored(() -> chat("Name a colour.", 0.2, "req-1"));
        for (int i = 2; i <= 4; i++) {
            assertThat(chat("Name a colour.", 0.2, "req-" + i)).isEqualTo(answer);
        }
        assertThat(app.stats().path("providerCalls").asLong()).as("provider calls").isEqualTo(calls + 1);

        chat("Name a colour.", 0.9, "req-5");
        chat("Name a fruit.", 0.2, "req-6");
        assertThat(app.stats().path("providerCalls").asLong()).as("provider calls").isEqualTo(calls + 3);
        // maxTokens has a secret-like name ("token"): events carry a hash of the key, never the key.
        List<String> lines = app.jvm().stderr();
        Events events = Events.from(lines.subList(mark, lines.size()));
        String firstKey = events.named("miss", "llm").get(0).path("keyHash").asText();
        assertThat(events.named("hit", "llm")).hasSize(3)
                .allSatisfy(hit -> assertThat(hit.path("keyHash").asText()).isEqualTo(firstKey))
                .allSatisfy(hit -> assertThat(hit.path("model").asText()).isEqualTo("gpt-test"));
    }

    @Test
    void statsEvents_reportTheMoneySaved() throws Exception {
        String answer = stored(() -> chat("Say hello.", 0.5, "a"));
        assertThat(chat("Say hello.", 0.5, "b")).isEqualTo(answer);
        assertThat(chat("Say hello.", 0.5, "c")).isEqualTo(answer);

        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode stats;
        do {
            assertThat(System.nanoTime()).as("a stats event counting 2 hits within 20 s").isLessThan(deadline);
            Thread.sleep(50);
            stats = Events.from(app.jvm().stderr()).named("stats").stream()
                    .filter(e -> e.path("cache").asText().equals("llm-responses")).reduce((a, b) -> b).orElse(null);
        } while (stats == null || stats.path("hits").asLong() < 2);
        assertThat(stats.path("savedCost").asDouble())
                .isCloseTo(stats.path("hits").asLong() * 0.002, Offset.offset(1e-9));
        assertThat(stats.path("hitRate").asDouble()).isCloseTo(
                stats.path("hits").asDouble() / (stats.path("hits").asDouble() + stats.path("misses").asDouble()),
                Offset.offset(1e-6));
    }

    @Test
    void metricsEndpoint_servesHitsAndSavedCostForPrometheus() throws Exception {
        String answer = stored(() -> chat("Count to three.", 0.1, "m1"));
        assertThat(chat("Count to three.", 0.1, "m2")).isEqualTo(answer);

        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + adminPort + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("cacheagent_requests_total\\{[^}]*cache=\"llm-responses\"[^}]*"
                        + "result=\"hit\"[^}]*} [1-9]")
                .containsPattern("cacheagent_saved_cost_total\\{rule=\"llm-complete\"} [0-9.eE-]*[1-9]");
    }

    /** What the call answered, once its value is in Redis (it is written in the background). */
    private static String stored(Call call) throws Exception {
        String pattern = prefix + "llm-responses:*";
        int before = SharedRedis.keyCount(pattern);
        String answer = call.run();
        SharedRedis.awaitKeys(pattern, before + 1);
        return answer;
    }

    private interface Call {
        String run() throws Exception;
    }
}
