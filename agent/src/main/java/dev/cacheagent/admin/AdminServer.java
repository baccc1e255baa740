package dev.cacheagent.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cacheagent.config.AdminSettings;
import dev.cacheagent.observe.EventLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The admin HTTP API ({@code agent.admin.bind}): the JDK's HTTP server on threads of its own
 * ({@code cache-agent-admin-*}, daemons), so requests never run on, nor wait for, the application's
 * threads. Request bodies are bounded; mutating requests need the bearer token (see {@link Token}).
 */
public final class AdminServer implements AutoCloseable {
    /** Larger request bodies are refused with 413: every body this API takes is a few dozen bytes. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int THREADS = 2;

    private final HttpServer server;
    private final ExecutorService executor;
    private final AdminApi api;
    private volatile Token token;

    private AdminServer(HttpServer server, ExecutorService executor, AdminApi api, Token token) {
        this.server = server;
        this.executor = executor;
        this.api = api;
        this.token = token;
    }

    /**
     * Listens on {@code settings.bind()} (which the rule-file loader checked: loopback unless
     * {@code allowRemote}) and serves until {@link #close}.
     *
     * @throws IOException when the address cannot be bound (in use, not local)
     */
    public static AdminServer start(AdminSettings settings, AgentControl agent, EventLog events) throws IOException {
        InetSocketAddress address = address(settings.bind());
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve host " + address.getHostString());
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "cache-agent-admin-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            return thread;
        });
        HttpServer http = HttpServer.create(address, 16);
        AdminServer server = new AdminServer(http, executor, new AdminApi(agent, events), Token.of(settings.token()));
        http.setExecutor(executor);
        http.createContext("/", server::serve);
        // The server's dispatcher thread inherits daemon status from the thread that starts it: started
        // from one of ours, it never keeps the application's JVM alive.
        try {
            executor.submit(http::start).get();
        } catch (Exception e) {
            executor.shutdownNow();
            throw new IOException("the admin server did not start: " + e, e);
        }
        return server;
    }

    /** {@code host:port}, {@code [::1]:port}. */
    static InetSocketAddress address(String bind) {
        int colon = bind.lastIndexOf(':');
        String host = bind.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(bind.substring(colon + 1)));
    }

    /** The port it listens on (the one chosen when {@code bind} asked for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** A reload may change the token: it applies to the next request. */
    public void useToken(String configured) {
        token = Token.of(configured);
    }

    private void serve(HttpExchange exchange) throws IOException {
        Response response;
        try {
            response = answer(exchange);
        } catch (RuntimeException e) {
            response = Response.error(500, "the admin API failed on this request (" + e
                    + "); the agent and the application keep running");
        }
        send(exchange, response);
    }

    private Response answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath();
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
            }
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Request head = new Request(method, path, segments, query(uri.getRawQuery()), new byte[0], authorization);
        if (AdminApi.isMutating(head)) {
            Response refused = token.check(authorization);
            if (refused != null) {
                return refused;
            }
        }
        byte[] body = readBounded(exchange.getRequestBody());
        if (body == null) {
            return Response.error(413, "the request body is larger than " + MAX_BODY_BYTES + " bytes; this API"
                    + " takes small JSON objects such as {\"key\": \"…\"}");
        }
        return api.handle(new Request(method, path, segments, head.query(), body, authorization));
    }

    /** The body, or {@code null} when it is larger than {@link #MAX_BODY_BYTES}. */
    private static byte[] readBounded(InputStream in) throws IOException {
        try (in) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            String[] nameValue = Arrays.copyOf(pair.split("=", 2), 2);
            parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue[1] == null ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            if (response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    /** Stops listening at once; requests in progress are cut. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
