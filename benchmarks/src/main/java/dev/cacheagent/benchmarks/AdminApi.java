package dev.cacheagent.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The agent's admin API as agent-benchmarks.yaml opens it, for switching a rule off at run time. */
final class AdminApi {
    /** {@code agent.admin.bind} and {@code agent.admin.token} of agent-benchmarks.yaml. */
    private static final String ADDRESS = "http://127.0.0.1:19464";
    private static final String TOKEN = "cache-agent-benchmarks";

    private AdminApi() {}

    /** {@code POST /rules/{name}/disable}; fails the benchmark unless the agent answers 200. */
    static void disableRule(String rule) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ADDRESS + "/rules/" + rule + "/disable"))
                .header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /rules/" + rule + "/disable answered " + response.statusCode()
                        + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the agent's admin API is not answering at " + ADDRESS
                    + " (agent.admin.bind in agent-benchmarks.yaml; is the port taken?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while switching rule " + rule + " off", e);
        }
    }
}
