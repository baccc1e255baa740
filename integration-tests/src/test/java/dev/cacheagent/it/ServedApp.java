package dev.cacheagent.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** test-app in {@code serve} mode in a child JVM, and an HTTP client for it. */
final class ServedApp implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ChildJvm jvm;
    private final int port;

    private ServedApp(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    static ServedApp start(ChildJvm.Builder builder) throws Exception {
        ChildJvm jvm = builder.testApp("serve", "--port", "0").start();
        String ready = jvm.awaitStdout(line -> line.startsWith("READY port="));
        return new ServedApp(jvm, Integer.parseInt(ready.substring("READY port=".length()).trim()));
    }

    String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    String put(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    String delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    String post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs a request the app must refuse; returns the status and body it answered with. */
    String postExpectingError(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() < 400) {
            throw new AssertionError("expected an error status, got " + response.statusCode());
        }
        return response.statusCode() + " " + response.body();
    }

    JsonNode stats() throws IOException, InterruptedException {
        return Events.json(get("/stats"));
    }

    /** Asks the app to exit normally (so shutdown hooks, and the agent's last events, run). */
    void shutdown() throws InterruptedException {
        try {
            HTTP.send(HttpRequest.newBuilder(uri("/shutdown")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException exitedWhileAnswering) {
            // the process may exit before the response is written
        }
        jvm.awaitExit();
    }

    ChildJvm jvm() {
        return jvm;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError("HTTP " + response.statusCode() + " " + response.body() + "\n" + jvm.transcript());
        }
        return response.body();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
