package com.example.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A loopback HTTP server standing in for the AI and image providers.
 *
 * <p>Provider endpoints ({@code POST /v1/image-to-image}, {@code /v1/images}, {@code /v1/chat},
 * {@code /v1/decide}) each take {@code delay}, like a slow remote model, then answer JSON derived only from the
 * request. Every call they receive is counted ({@link #calls()}, {@code GET /stats} → {@code {"calls":N}}).
 * The failure switch ({@link #setFailing(boolean)}, {@code POST /admin/fail} with {@code {"on":true}}) makes every
 * provider endpoint answer 503 at once, as an outage would.
 */
public final class ProviderStub implements AutoCloseable {

    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final Map<String, UnaryOperator<JsonNode>> endpoints;
    private final Duration delay;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final HttpServer server;
    private final ExecutorService workers;

    private ProviderStub(HttpServer server, Duration delay) {
        ProviderAnswers answers = new ProviderAnswers();
        this.endpoints = Map.of(
                "/v1/image-to-image", answers::imageToImage,
                "/v1/images", answers::images,
                "/v1/chat", answers::chat,
                "/v1/decide", answers::decide);
        this.server = server;
        this.delay = delay;
        this.workers = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    /**
     * Starts a stub on the loopback interface.
     *
     * @param port  0 for any free port
     * @param delay how long each provider call takes; {@link Duration#ZERO} for none
     */
    public static ProviderStub start(int port, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("provider delay must not be negative, got " + delay);
        }
        disableNagle();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ProviderStub stub = new ProviderStub(server, delay);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback port " + port + " for the provider stub", e);
        }
    }

    /**
     * Makes the JDK's HTTP server send small answers at once. Without it, Nagle's algorithm meeting the client's
     * delayed ACK adds about 40 ms to every call, which would swamp the delays this stub exists to simulate. The
     * server reads the property once per JVM, so it must be set before the first server starts; an explicit
     * setting wins.
     */
    public static void disableNagle() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    /** Where the stub listens, e.g. {@code http://127.0.0.1:41234}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** The port the stub listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** How many calls the provider endpoints have received, failed ones included. */
    public long calls() {
        return calls.get();
    }

    /** While on, every provider endpoint answers 503. */
    public void setFailing(boolean on) {
        failing.set(on);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            UnaryOperator<JsonNode> endpoint = endpoints.get(path);
            if (endpoint != null && method.equals("POST")) {
                callProvider(exchange, endpoint);
            } else if (path.equals("/stats") && method.equals("GET")) {
                respond(exchange, 200, Map.of("calls", calls.get()));
            } else if (path.equals("/admin/fail") && method.equals("POST")) {
                switchFailure(exchange);
            } else {
                respond(exchange, 404, Map.of("error", "no endpoint " + method + " " + path
                        + "; try POST /v1/image-to-image, /v1/images, /v1/chat, /v1/decide or GET /stats"));
            }
        } finally {
            exchange.close();
        }
    }

    private void callProvider(HttpExchange exchange, UnaryOperator<JsonNode> endpoint) throws IOException {
        calls.incrementAndGet();
        if (failing.get()) {
            respond(exchange, 503, Map.of("error", "provider unavailable (failure switch is on)"));
            return;
        }
        JsonNode request = readJson(exchange);
        if (request == null) {
            return;
        }
        if (!sleep()) {
            respond(exchange, 503, Map.of("error", "provider stub is stopping"));
            return;
        }
        try {
            respond(exchange, 200, endpoint.apply(request));
        } catch (ProviderAnswers.BadRequest e) {
            respond(exchange, 400, Map.of("error", e.getMessage()));
        }
    }

    private void switchFailure(HttpExchange exchange) throws IOException {
        JsonNode request = readJson(exchange);
        if (request == null) {
            return;
        }
        JsonNode on = request.get("on");
        if (on == null || !on.isBoolean()) {
            respond(exchange, 400, Map.of("error", "send {\"on\": true} or {\"on\": false}"));
            return;
        }
        failing.set(on.asBoolean());
        respond(exchange, 200, Map.of("failing", failing.get()));
    }

    /** Reads the body as a JSON object, or answers 400 and returns null. */
    private JsonNode readJson(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            JsonNode request = json.readTree(body);
            if (request != null && request.isObject()) {
                return request;
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        respond(exchange, 400, Map.of("error", "the request body must be a JSON object"));
        return null;
    }

    private boolean sleep() {
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "provider-stub-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
