package com.example.app;

import com.example.ai.DecisionContext;
import com.example.db.DatabaseException;
import com.example.llm.ChatMessage;
import com.example.preview.PreviewRequest;
import com.example.provider.ProviderException;
import com.example.provider.ProviderStub;
import com.example.scenes.Scene;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The services over HTTP, JSON in and out. A failing call answers a 4xx or 5xx status with
 * {@code {"error": "..."}}; it never stops the server. {@code POST /shutdown} asks the process to stop.
 */
final class HttpApi implements AutoCloseable {

    private static final int WORKER_THREADS = 16;

    private final Services services;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final List<Route> routes;
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);
    private final HttpServer server;
    private final ExecutorService workers;

    /** {@code POST /decide}. */
    record DecideBody(String prompt, DecisionContext context) {}

    /** {@code POST /build}. */
    record BuildBody(String componentId, String spec) {}

    /** {@code POST /chat}; temperature and maxTokens have defaults. */
    record ChatBody(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens,
                    String requestId) {}

    /** A request for something that does not exist: answered 404. */
    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    private HttpApi(Services services, HttpServer server) {
        this.services = services;
        this.server = server;
        this.routes = routes();
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads());
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    /** Starts serving on all interfaces at {@code port} (0 for any free port). */
    static HttpApi start(Services services, int port) {
        ProviderStub.disableNagle();
        try {
            HttpApi api = new HttpApi(services, HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
            api.server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + "; choose another with --port", e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Blocks until a client calls {@code POST /shutdown}. */
    void awaitShutdownRequest() throws InterruptedException {
        shutdownRequested.await();
    }

    /** Stops serving, letting calls in progress (a {@code /shutdown} answer among them) finish for up to 1 s. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdownNow();
    }

    private List<Route> routes() {
        return List.of(
                new Route("GET", "/preview", request -> services.previews().handlePreview(new PreviewRequest(
                        request.required("image"), request.required("style"),
                        request.optional("aspect").orElse(null), request.optional("quality").orElse(null)))),
                new Route("GET", "/prompts/{style}", request -> Map.of("style", request.pathValue("style"),
                        "prompt", services.stylePrompts().getStylePrompt(request.pathValue("style")))),
                new Route("GET", "/scenes/{project}/{scene}", this::getScene),
                new Route("GET", "/scenes/{project}", request ->
                        services.scenes().listScenes(request.pathValue("project"))),
                new Route("PUT", "/scenes/{project}/{scene}", this::updateScene),
                new Route("GET", "/projects/{project}/summary", request ->
                        services.scenes().summarize(request.pathValue("project"))),
                new Route("POST", "/decide", request -> {
                    DecideBody body = read(request, DecideBody.class);
                    return services.decisions().decide(body.prompt(), body.context());
                }),
                new Route("POST", "/build", request -> {
                    BuildBody body = read(request, BuildBody.class);
                    return services.builder().build(body.componentId(), body.spec());
                }),
                new Route("GET", "/images", this::generateImage),
                new Route("POST", "/chat", request -> {
                    ChatBody body = read(request, ChatBody.class);
                    return services.llm().complete(body.model(), body.messages(),
                            Optional.ofNullable(body.temperature()).orElse(0.7),
                            Optional.ofNullable(body.maxTokens()).orElse(256), body.requestId());
                }),
                new Route("GET", "/system-prompt", request ->
                        Map.of("text", services.systemPrompt().activeSystemPrompt())),
                new Route("PUT", "/system-prompt", request -> {
                    services.systemPrompt().setActiveSystemPrompt(request.body());
                    return Map.of("text", request.body());
                }),
                new Route("GET", "/stats", request -> stats()),
                new Route("GET", "/admin/gates/{name}", request -> services.gates().state(request.pathValue("name"))),
                new Route("POST", "/admin/gates/{name}", request -> services.gates().arm(request.pathValue("name"))),
                new Route("DELETE", "/admin/gates/{name}", request ->
                        services.gates().release(request.pathValue("name"))),
                new Route("POST", "/shutdown", request -> {
                    shutdownRequested.countDown();
                    return Map.of("stopping", true);
                }));
    }

    private Object getScene(ApiRequest request) {
        String project = request.pathValue("project");
        String scene = request.pathValue("scene");
        Scene found = services.scenes().getScene(project, scene);
        if (found == null) {
            throw new NotFound("no scene " + scene + " in project " + project);
        }
        return found;
    }

    private Object updateScene(ApiRequest request) {
        try {
            return services.scenes().updateScene(request.pathValue("project"), request.pathValue("scene"),
                    request.body());
        } catch (IllegalArgumentException e) {
            // the body is never null here, so the only complaint left is an unknown scene
            throw new NotFound(e.getMessage());
        }
    }

    private Object generateImage(ApiRequest request) {
        String size = request.optional("size").orElse("1024x1024");
        String[] sides = size.split("x");
        int width;
        int height;
        try {
            if (sides.length != 2) {
                throw new NumberFormatException();
            }
            width = Integer.parseInt(sides[0]);
            height = Integer.parseInt(sides[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter 'size' must look like 1024x768, got '" + size + "'");
        }
        return services.images().generate(request.required("prompt"), width, height,
                request.optional("format").orElse("png"));
    }

    private Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("dbQueries", services.dbQueries());
        stats.put("promptQueries", services.promptQueries());
        stats.put("providerCalls", services.providerCalls());
        stats.put("builds", services.builds());
        return stats;
    }

    private <T> T read(ApiRequest request, Class<T> type) throws JsonProcessingException {
        T body = json.readValue(request.body(), type);
        if (body == null) {
            throw new IllegalArgumentException("the request needs a JSON body");
        }
        return body;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            List<String> segments;
            Map<String, String> query;
            try {
                segments = segments(exchange.getRequestURI().getRawPath());
                query = query(exchange.getRequestURI().getRawQuery());
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, error(400, "malformed URL: " + e.getMessage()));
                return;
            }
            Optional<Route> route = Optional.empty();
            Map<String, String> variables = Map.of();
            boolean pathKnown = false;
            for (Route candidate : routes) {
                Optional<Map<String, String>> match = candidate.match(segments);
                if (match.isPresent()) {
                    pathKnown = true;
                    if (candidate.method().equals(method)) {
                        route = Optional.of(candidate);
                        variables = match.get();
                        break;
                    }
                }
            }
            if (route.isEmpty()) {
                int status = pathKnown ? 405 : 404;
                respond(exchange, status, error(status, "no endpoint " + method + " "
                        + exchange.getRequestURI().getPath() + "; the endpoints are " + routes));
                return;
            }
            ApiRequest request = new ApiRequest(variables, query, body(exchange));
            answer(exchange, route.get(), request);
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange, Route route, ApiRequest request) throws IOException {
        Object result;
        try {
            result = route.handler().handle(request);
        } catch (Exception e) {
            int status = statusOf(e);
            respond(exchange, status, error(status, describe(e)));
            return;
        }
        respond(exchange, 200, result);
    }

    private static int statusOf(Exception e) {
        if (e instanceof NotFound) {
            return 404;
        }
        if (e instanceof IllegalArgumentException || e instanceof JsonProcessingException) {
            return 400;
        }
        if (e instanceof ProviderException) {
            return 502;
        }
        if (e instanceof DatabaseException) {
            return 503;
        }
        return 500;
    }

    private static String describe(Exception e) {
        if (e instanceof NotFound || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof JsonProcessingException json) {
            return "the request body is not the JSON this endpoint takes: " + json.getOriginalMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static Map<String, Object> error(int status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("error", message);
        return error;
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<String> segments(String rawPath) {
        return Arrays.stream(rawPath.split("/"))
                .filter(segment -> !segment.isEmpty())
                // a '+' in a path is a plus sign, not a space as in a query
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
