package com.example.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP client of the AI and image providers: posts a JSON request to an endpoint and reads the JSON answer.
 * Thread-safe; one instance is shared by every provider-backed service.
 */
public final class ProviderClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI baseUri;
    private final HttpClient http;
    private final ObjectMapper json;

    /** @param baseUri where the provider listens, e.g. {@code http://127.0.0.1:41234} */
    public ProviderClient(URI baseUri) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * Posts {@code request} as JSON to {@code path} and reads the answer as a {@code responseType}.
     *
     * @throws ProviderException when the provider answers with a non-2xx status or cannot be reached
     */
    public <T> T post(String path, Object request, Class<T> responseType) {
        String body;
        try {
            body = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request to " + path + " as JSON", e);
        }
        HttpRequest httpRequest = HttpRequest.newBuilder(resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return read(path, send(path, httpRequest), responseType);
    }

    /** How many calls the provider has received in total, as its {@code GET /stats} reports. */
    public long providerCalls() {
        HttpRequest request = HttpRequest.newBuilder(resolve("/stats")).timeout(REQUEST_TIMEOUT).GET().build();
        return read("/stats", send("/stats", request), ProviderStats.class).calls();
    }

    /** Where the provider listens. */
    public URI baseUri() {
        return baseUri;
    }

    private record ProviderStats(long calls) {}

    private URI resolve(String path) {
        return baseUri.resolve(path);
    }

    private String send(String path, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderException("provider at " + baseUri + " did not answer " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while calling " + path, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ProviderException(response.statusCode(),
                    "provider answered " + response.statusCode() + " to " + path + ": " + response.body());
        }
        return response.body();
    }

    private <T> T read(String path, String body, Class<T> responseType) {
        try {
            return json.readValue(body, responseType);
        } catch (JsonProcessingException e) {
            throw new ProviderException(200, "provider answered " + path + " with an unreadable body: "
                    + e.getOriginalMessage());
        }
    }
}
