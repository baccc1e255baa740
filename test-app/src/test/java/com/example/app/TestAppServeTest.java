package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code serve} over real HTTP: the app runs as {@code main} would run it, on a free port. */
class TestAppServeTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private CompletableFuture<Integer> exitStatus;
    private String readyLine;
    private URI base;

    @BeforeEach
    void serve() throws Exception {
        PipedInputStream printed = new PipedInputStream();
        PrintStream out = new PrintStream(new PipedOutputStream(printed), true, StandardCharsets.UTF_8);
        TestApp app = new TestApp(TestSettings.fast(), out, System.err);
        exitStatus = new CompletableFuture<>();
        new Thread(() -> exitStatus.complete(app.run("serve", "--port", "0")), "test-app-serve").start();
        readyLine = new BufferedReader(new InputStreamReader(printed, StandardCharsets.UTF_8)).readLine();
        base = URI.create("http://127.0.0.1:" + readyLine.substring("READY port=".length()));
    }

    @AfterEach
    void shutdown() throws Exception {
        if (!exitStatus.isDone()) {
            send("POST", "/shutdown", "");
        }
        exitStatus.get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void serve_printsReadyWithItsPort() {
        assertThat(readyLine).matches("READY port=\\d+");
    }

    @Test
    void prompts_answersTheStylesPromptWhateverItsSpelling() throws Exception {
        assertThat(get("/prompts/%20Neon-Noir%20").get("prompt").asText()).startsWith("A rain-soaked neon noir");
    }

    @Test
    void preview_answersTheRenderedImage() throws Exception {
        JsonNode preview = get("/preview?image=https://x/a.jpg&style=neon-noir&aspect=16:9&quality=hd");

        assertThat(preview.get("styled").asBoolean()).isTrue();
        assertThat(preview.get("image").get("width").asInt()).isEqualTo(1536);
    }

    @Test
    void sceneUpdate_isVisibleToTheNextRead() throws Exception {
        send("PUT", "/scenes/p1/s2", "The keeper reaches the lamp room.");

        assertThat(get("/scenes/p1/s2").get("content").asText()).isEqualTo("The keeper reaches the lamp room.");
    }

    @Test
    void projectSummary_answersTheProjectsCountsAsJson() throws Exception {
        JsonNode summary = get("/projects/p3/summary");

        assertThat(summary.get("projectId").asText()).isEqualTo("p3");
        assertThat(summary.get("scenes").asInt()).isEqualTo(1);
        assertThat(summary.has("edits")).isTrue();
    }

    @Test
    void decide_answersTheDecisionForAJsonRequest() throws Exception {
        HttpResponse<String> response = send("POST", "/decide", "{\"prompt\":\"Close-up?\",\"context\":"
                + "{\"userId\":\"u1\",\"locale\":\"en-US\",\"sceneType\":\"action\",\"requestId\":\"r1\","
                + "\"timestamp\":1}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("action").asText()).isNotEmpty();
    }

    @Test
    void systemPrompt_adminChangeIsServedAfterwards() throws Exception {
        send("PUT", "/system-prompt", "Answer in haiku.");

        assertThat(get("/system-prompt").get("text").asText()).isEqualTo("Answer in haiku.");
    }

    @Test
    void adminGates_holdASystemPromptReadUntilReleased() throws Exception {
        assertThat(send("POST", "/admin/gates/system-prompt-read", "").statusCode()).isEqualTo(200);
        CompletableFuture<JsonNode> read = CompletableFuture.supplyAsync(() -> {
            try {
                return get("/system-prompt");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (get("/admin/gates/system-prompt-read").get("waiting").asInt() == 0) {
            assertThat(System.nanoTime()).as("the read held within 5 s").isLessThan(deadline);
        }
        assertThat(read).isNotDone();

        send("DELETE", "/admin/gates/system-prompt-read", "");

        assertThat(read.get(5, TimeUnit.SECONDS).get("text").asText()).isNotEmpty();
    }

    @Test
    void stats_countsTheWorkDone() throws Exception {
        get("/prompts/neon-noir");
        get("/images?prompt=a+fox&size=640x480&format=webp");

        JsonNode stats = get("/stats");
        assertThat(stats.get("dbQueries").asLong()).isEqualTo(1);
        assertThat(stats.get("providerCalls").asLong()).isEqualTo(1);
        assertThat(stats.get("builds").asLong()).isZero();
    }

    @Test
    void unknownScene_answers404WithAJsonError() throws Exception {
        HttpResponse<String> response = send("GET", "/scenes/p1/s99", "");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("error").asText()).contains("s99");
    }

    @Test
    void buildCrash_answers500WithAJsonErrorAndKeepsServing() throws Exception {
        HttpResponse<String> response = send("POST", "/build", "{\"componentId\":\"t\",\"spec\":\"crash\"}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json.readTree(response.body()).get("error").asText()).contains("BuildException");
        assertThat(get("/stats").get("builds").asLong()).isEqualTo(1);
    }

    @Test
    void badJson_answers400() throws Exception {
        assertThat(send("POST", "/chat", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void shutdown_endsTheServeCommandWithStatusZero() throws Exception {
        send("POST", "/shutdown", "");

        assertThat(exitStatus.get(10, TimeUnit.SECONDS)).isZero();
    }
}
