package dev.cacheagent.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cacheagent.config.AdminSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricsProcessor;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin HTTP API over a real runtime, through a real HTTP client. */
class AdminServerTest {
    static final String TOKEN = "s3cret";
    static final String RULES = """
            version: 1
            caches:
              prompts: { ttl: 10m, maxEntries: 100 }
              logins: { ttl: 10m, maxEntries: 100 }
            rules:
              - name: prompt
                match: { type: com.example.Prompts, method: get }
                cache: { use: prompts }
                costPerCall: 0.5
              - name: login
                match: { type: com.example.Logins, method: get }
                cache: { use: logins }
              - name: dormant
                enabled: false
                match: { type: com.example.Other, method: get }
                log: {}
            """;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final TestAgent agent;
    private final AdminServer server;
    private final int prompt;

    AdminServerTest() throws Exception {
        agent = new TestAgent(RULES);
        server = AdminServer.start(new AdminSettings("127.0.0.1:0", TOKEN, false), agent, agent);
        prompt = agent.bind("prompt", "com.example.Prompts", "style");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** Two calls of "classic" (a miss, then a hit) and one of "modern" (a miss). */
    private void someTraffic() {
        agent.call(prompt, () -> "oil", "classic");
        agent.call(prompt, () -> "oil", "classic");
        agent.call(prompt, () -> "pop", "modern");
    }

    @Test
    void health_saysTheAgentIsUpAndEachCacheWithItsTier() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Response.JSON);
        assertThat(response.body()).contains("\"status\":\"up\"", "\"config\":\"rules.yaml\"", "\"reloads\":0",
                "{\"name\":\"prompts\",\"tier\":\"local\",\"state\":\"up\"}");
    }

    @Test
    void metrics_areReadByAPrometheusTextParser() throws Exception {
        someTraffic();

        HttpResponse<String> response = get("/metrics");
        CollectorPrometheusMetricsWalker walker = new CollectorPrometheusMetricsWalker();
        new TextPrometheusMetricsProcessor(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                walker).walk();
        Map<String, MetricFamily> families = walker.getAllMetricFamilies().stream()
                .collect(Collectors.toMap(MetricFamily::getName, f -> f));

        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        MetricFamily requests = families.get("cacheagent_requests_total");
        assertThat(requests.getType()).isEqualTo(MetricType.COUNTER);
        assertThat(requests.getMetrics()).anySatisfy(m -> {
            assertThat(m.getLabels()).containsEntry("rule", "prompt").containsEntry("result", "hit");
            assertThat(((Counter) m).getValue()).isEqualTo(1);
        });
        MetricFamily calls = families.get("cacheagent_call_seconds");
        assertThat(calls.getType()).isEqualTo(MetricType.HISTOGRAM);
        assertThat(calls.getMetrics()).anySatisfy(m -> {
            assertThat(m.getLabels()).containsEntry("rule", "prompt").containsEntry("result", "miss");
            assertThat(((Histogram) m).getSampleCount()).isEqualTo(2);
        });
        assertThat(families).containsKeys("cacheagent_origin_calls_total", "cacheagent_entries",
                "cacheagent_saved_seconds_total", "cacheagent_saved_cost_total");
    }

    @Test
    void caches_giveEachCachesFigures() throws Exception {
        someTraffic();

        String body = get("/caches").body();

        assertThat(body).contains("\"name\":\"prompts\"", "\"size\":2", "\"hits\":1", "\"misses\":2",
                "\"hitRate\":0.333", "\"savedCost\":0.5", "\"hitLatencyMs\":{\"p50\":", "\"rules\":[\"prompt\"]");
    }

    @Test
    void entries_listTheMostUsedKeysFirstWithTheirEstimatedHits() throws Exception {
        someTraffic();
        for (int i = 0; i < 1600; i++) {
            agent.call(prompt, () -> "pop", "modern");
        }

        String body = get("/caches/prompts/entries?top=1").body();

        assertThat(body).contains("\"cache\":\"prompts\"", "\"top\":1", "\"key\":\"modern\"", "\"ageMs\":",
                "\"lastHitMsAgo\":").doesNotContain("classic");
        // One hit in 16, picked at random, counts as 16 (docs/operations.md): 1,600 hits read as 1,600 give or
        // take 155 (one standard deviation); these bounds are five of them away.
        Matcher hits = Pattern.compile("\"hits\":(\\d+)").matcher(body);
        assertThat(hits.find()).isTrue();
        assertThat(Integer.parseInt(hits.group(1))).isBetween(800, 2400).matches(n -> n % 16 == 0, "a multiple of 16");
    }

    @Test
    void entries_ofACacheKeyedBySecretParameters_showOnlyKeyHashes() throws Exception {
        int login = agent.bind("login", "com.example.Logins", "password");
        agent.call(login, () -> "welcome", "hunter2");

        String body = get("/caches/logins/entries").body();

        assertThat(body).contains("\"keyHash\":").doesNotContain("hunter2");
    }

    @Test
    void entries_topOutOfRange_isABadRequestThatSaysWhatToSend() throws Exception {
        HttpResponse<String> response = get("/caches/prompts/entries?top=0");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("top must be a whole number from 1 to 1000");
    }

    @Test
    void entries_unknownCache_isNotFoundAndNamesTheCaches() throws Exception {
        HttpResponse<String> response = get("/caches/nope/entries");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no cache 'nope'", "[prompts, logins]");
    }

    @Test
    void rules_sayWhetherEachIsOnAndWhereItApplies() throws Exception {
        String body = get("/rules").body();

        assertThat(body).contains("{\"name\":\"prompt\",\"enabled\":true,\"enabledInFile\":true,\"methods\":"
                + "[\"com.example.Prompts#get\"],\"errors\":[]}",
                "{\"name\":\"dormant\",\"enabled\":false,\"enabledInFile\":false,\"methods\":[],\"errors\":[]}");
    }

    @Test
    void invalidate_emptyObject_dropsEveryEntry() throws Exception {
        someTraffic();

        HttpResponse<String> response = post("/caches/prompts/invalidate", "{}", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"invalidated\":\"all\"", "\"size\":0");
        assertThat(agent.runtime().cache("prompts").size()).isZero();
    }

    @Test
    void invalidate_key_dropsThatKeyOnly() throws Exception {
        someTraffic();

        post("/caches/prompts/invalidate", "{\"key\": \"classic\"}", TOKEN);

        assertThat(agent.runtime().cache("prompts").get("classic")).isNull();
        assertThat(agent.runtime().cache("prompts").get("modern")).isNotNull();
        assertThat(agent.events).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo("evict");
            assertThat(e.key()).isEqualTo("classic");
        });
    }

    @Test
    void invalidate_pattern_dropsTheKeysItMatches() throws Exception {
        someTraffic();

        post("/caches/prompts/invalidate", "{\"pattern\": \"mod*\"}", TOKEN);

        assertThat(agent.runtime().cache("prompts").get("modern")).isNull();
        assertThat(agent.runtime().cache("prompts").get("classic")).isNotNull();
    }

    @Test
    void invalidate_emptyBody_isRefusedAndSaysToSendAnObject() throws Exception {
        someTraffic();

        HttpResponse<String> response = post("/caches/prompts/invalidate", "", TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("send {} to drop every entry");
        assertThat(agent.runtime().cache("prompts").size()).isEqualTo(2);
    }

    @Test
    void invalidate_unknownField_isRefused() throws Exception {
        HttpResponse<String> response = post("/caches/prompts/invalidate", "{\"keys\": \"a\"}", TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("[keys]", "key or pattern");
    }

    @Test
    void mutatingRequest_withoutTheToken_isUnauthorizedAndChangesNothing() throws Exception {
        someTraffic();

        HttpResponse<String> response = post("/caches/prompts/invalidate", "{}", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(response.body()).contains("Authorization: Bearer");
        assertThat(agent.runtime().cache("prompts").size()).isEqualTo(2);
    }

    @Test
    void mutatingRequest_withAWrongToken_isUnauthorizedAndChangesNothing() throws Exception {
        HttpResponse<String> response = post("/rules/prompt/disable", "", "guess");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("wrong token");
        assertThat(agent.runtime().ruleStatuses().get(0).enabled()).isTrue();
    }

    @Test
    void mutatingRequest_whenNoTokenIsConfigured_isForbiddenAndSaysHowToSetOne() throws Exception {
        try (AdminServer tokenless = AdminServer.start(new AdminSettings("127.0.0.1:0", "", false), agent, agent)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + tokenless.port() + "/reload"))
                    .header("Authorization", "Bearer anything").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("set agent.admin.token");
        }
    }

    @Test
    void disable_ruleSwitchedOff_letsCallsThroughUntouched() throws Exception {
        someTraffic();

        HttpResponse<String> response = post("/rules/prompt/disable", "", TOKEN);
        Object value = agent.call(prompt, () -> "fresh", "classic");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"rule\":\"prompt\",\"enabled\":false}");
        assertThat(value).isEqualTo("fresh");
    }

    @Test
    void enable_ruleSwitchedOffBefore_servesFromTheCacheAgain() throws Exception {
        someTraffic();
        post("/rules/prompt/disable", "", TOKEN);

        post("/rules/prompt/enable", "", TOKEN);

        assertThat(agent.call(prompt, () -> "fresh", "classic")).isEqualTo("oil");
    }

    @Test
    void enable_ruleOffInTheFile_isAConflictThatSaysToEditTheFile() throws Exception {
        HttpResponse<String> response = post("/rules/dormant/enable", "", TOKEN);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("set enabled: true in the file and reload");
    }

    @Test
    void enable_unknownRule_isNotFound() throws Exception {
        assertThat(post("/rules/nope/enable", "", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void reload_validFile_isAppliedAndSaysWhatChanged() throws Exception {
        agent.yaml = RULES.replace("ttl: 10m, maxEntries: 100 }\n  logins", "ttl: 5m, maxEntries: 100 }\n  logins");

        HttpResponse<String> response = post("/reload", "", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"reloaded\":true", "\"rules\":3");
        assertThat(agent.runtime().config().caches().get("prompts").ttl()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void reload_brokenFile_isRefusedWithItsErrorsAndTheRunningConfigurationStays() throws Exception {
        var running = agent.runtime();
        agent.yaml = "version: 1\nrules: [ broken";

        HttpResponse<String> response = post("/reload", "", TOKEN);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"reloaded\":false", "rules.yaml:", "the running configuration is kept");
        assertThat(agent.runtime()).isSameAs(running);
    }

    @Test
    void request_withABodyOverTheLimit_isRefused() throws Exception {
        HttpResponse<String> response = post("/caches/prompts/invalidate",
                "{\"key\": \"" + "x".repeat(AdminServer.MAX_BODY_BYTES) + "\"}", TOKEN);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void request_forAnUnknownPath_isNotFoundAndListsTheEndpoints() throws Exception {
        HttpResponse<String> response = get("/cache");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("GET /health");
    }

    @Test
    void request_withTheWrongMethod_isRefusedWithTheAllowedOne() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/metrics"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void everyAnswer_isJsonExceptTheMetrics() throws Exception {
        for (String path : List.of("/health", "/caches", "/rules", "/caches/prompts/entries", "/nope")) {
            String body = get(path).body();
            try (JsonParser parser = new JsonFactory().createParser(body)) {
                while (parser.nextToken() != null) {
                    assertThat(parser.currentToken()).isNotEqualTo(JsonToken.NOT_AVAILABLE);
                }
            }
        }
    }

    @Test
    void requests_areServedOnTheAgentsOwnDaemonThreads() throws Exception {
        get("/health");

        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("cache-agent-admin"))
                .isNotEmpty().allMatch(Thread::isDaemon);
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("HTTP-Dispatcher"))
                .allMatch(Thread::isDaemon);
    }

    @Test
    void address_bracketedIpv6_isReadAsItsHost() {
        assertThat(AdminServer.address("[::1]:9464").getAddress().isLoopbackAddress()).isTrue();
        assertThat(AdminServer.address("[::1]:9464").getPort()).isEqualTo(9464);
    }
}
