package dev.cacheagent.it;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A {@code redis-server} of a test's own on a loopback port, that the test can kill, stall, restart and slow
 * down. The binary is {@code redis-server} from the PATH, else the one {@code embedded-redis} ships. Talks
 * RESP itself, so no client library (nor {@code redis-cli}) is needed. {@link #startTls} starts one that speaks
 * only TLS (Debian's {@code redis-server} is built with it).
 */
final class RedisProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final Path binary;
    private final int port;
    /** The certificate of a TLS-only server, else {@code null}. */
    private final TlsCertificate tls;
    private final SocketFactory sockets;
    private Process process;
    private boolean stalled;

    private RedisProcess(Path binary, int port) {
        this.binary = binary;
        this.port = port;
        this.tls = null;
        this.sockets = SocketFactory.getDefault();
    }

    private RedisProcess(Path binary, int port, TlsCertificate tls) throws IOException, GeneralSecurityException {
        this.binary = binary;
        this.port = port;
        this.tls = tls;
        this.sockets = tls.clientContext().getSocketFactory();
    }

    /** Starts a server on a free loopback port. */
    static RedisProcess start() throws IOException {
        return startOn(freePort());
    }

    /** Starts a server on {@code port}. */
    static RedisProcess startOn(int port) throws IOException {
        RedisProcess redis = new RedisProcess(binary(), port);
        redis.launch();
        return redis;
    }

    /**
     * Starts a server on a free loopback port that speaks only TLS, with {@code certificate} and no client
     * certificates asked for; {@link #command} talks to it over TLS, trusting that certificate.
     */
    static RedisProcess startTls(TlsCertificate certificate) throws IOException, GeneralSecurityException {
        RedisProcess redis = new RedisProcess(binary(), freePort(), certificate);
        redis.launch();
        return redis;
    }

    /** Starts a server of the binary {@code embedded-redis} ships, whatever the PATH holds. */
    static RedisProcess startEmbedded() throws IOException {
        RedisProcess redis = new RedisProcess(embeddedBinary(), freePort());
        redis.launch();
        return redis;
    }

    /** A loopback port nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@code redis-server} from the PATH, else the binary embedded-redis ships (extracted to a temp file). */
    static Path binary() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return embeddedBinary();
    }

    private static Path embeddedBinary() throws IOException {
        File file = ExecutableProvider.newJarResourceProvider().get();
        if (!file.canExecute() && !file.setExecutable(true)) {
            throw new IOException("cannot make the embedded redis-server executable: " + file);
        }
        return file.toPath();
    }

    Path binaryPath() {
        return binary;
    }

    int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}, or {@code rediss://} for a TLS server. */
    String url() {
        return (tls == null ? "redis" : "rediss") + "://127.0.0.1:" + port;
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no"));
        if (tls == null) {
            command.addAll(List.of("--port", String.valueOf(port)));
        } else {
            command.addAll(List.of("--port", "0", "--tls-port", String.valueOf(port),
                    "--tls-cert-file", tls.certificatePem().toString(), "--tls-key-file", tls.privateKeyPem().toString(),
                    "--tls-ca-cert-file", tls.certificatePem().toString(), "--tls-auth-clients", "no"));
        }
        if (majorVersion() >= 7) {
            // DEBUG (used to slow the server down) is off by default since Redis 7.
            command.addAll(List.of("--enable-debug-command", "local"));
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                if ("PONG".equals(command("PING"))) {
                    return;
                }
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                    throw new IOException(binary + " did not answer PING on port " + port + " within " + START_TIMEOUT
                            + (process.isAlive() ? "" : " (it exited with status " + process.exitValue() + ")")
                            + (tls == null ? "" : "; TLS needs a redis-server built with it, as Debian's is"),
                            notYet);
                }
                pause(20);
            }
        }
    }

    private int majorVersion() throws IOException {
        Process version = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher number = Pattern.compile("v=(\\d+)\\.").matcher(text);
        if (!number.find()) {
            throw new IOException("cannot read the version of " + binary + " from: " + text);
        }
        return Integer.parseInt(number.group(1));
    }

    /** SIGKILL: the server is gone at once, its connections reset. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        stalled = false;
    }

    /** A new server on the same port, empty. */
    void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        launch();
    }

    /** SIGSTOP: the server keeps its connections open but answers nothing. */
    void stall() throws IOException, InterruptedException {
        signal("-STOP");
        stalled = true;
    }

    /** SIGCONT after {@link #stall()}. */
    void resume() throws IOException, InterruptedException {
        signal("-CONT");
        stalled = false;
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    /**
     * {@code DEBUG SLEEP}: the server answers nothing for {@code duration}. Returns at once; the future completes
     * when the server is awake again.
     */
    CompletableFuture<Object> sleep(Duration duration) {
        String seconds = String.valueOf(duration.toMillis() / 1000.0);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return command("DEBUG", "SLEEP", seconds);
            } catch (IOException e) {
                throw new IllegalStateException("DEBUG SLEEP failed", e);
            }
        });
    }

    /** Sends one command and returns its reply: a String, Long, List or {@code null}. */
    Object command(String... arguments) throws IOException {
        return command(sockets, port, arguments);
    }

    /** Sends one command to the Redis on {@code port}. */
    static Object command(int port, String... arguments) throws IOException {
        return command(SocketFactory.getDefault(), port, arguments);
    }

    private static Object command(SocketFactory sockets, int port, String... arguments) throws IOException {
        try (Socket socket = sockets.createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) REPLY_TIMEOUT.toMillis());
            socket.setSoTimeout((int) REPLY_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
            for (String argument : arguments) {
                byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
                request.append('$').append(bytes.length).append("\r\n").append(argument).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static Object reply(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        return switch (type) {
            case '+' -> line;
            case '-' -> throw new IOException("Redis answered an error: " + line);
            case ':' -> Long.parseLong(line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                yield new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    yield null;
                }
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(reply(in));
                }
                yield items;
            }
            default -> throw new IOException("not a RESP reply: " + (char) type + line);
        };
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("the connection closed mid-reply");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (stalled) {
            resume();
        }
        kill();
    }
}
