package dev.cacheagent.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of the machine's Redis that holds back every chunk of Redis's answers for
 * {@code delay}: a Redis that answers every round trip, only slowly. Requests pass at once. It counts the
 * requests it forwards, so that a test can tell how many round trips a call made.
 */
final class SlowRedisProxy implements AutoCloseable {
    private final ServerSocket server;
    private final Duration delay;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    private SlowRedisProxy(ServerSocket server, Duration delay) {
        this.server = server;
        this.delay = delay;
    }

    static SlowRedisProxy start(int redisPort, Duration delay) throws IOException {
        SlowRedisProxy proxy = new SlowRedisProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), delay);
        Thread acceptor = new Thread(() -> proxy.accept(redisPort), "slow-redis-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    /**
     * Chunks of requests forwarded to Redis so far, over all connections. A client waiting for each answer
     * before its next request sends one chunk per round trip.
     */
    int requests() {
        return requests.get();
    }

    String url() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    private void accept(int redisPort) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket redis = new Socket(InetAddress.getLoopbackAddress(), redisPort);
                sockets.add(client);
                sockets.add(redis);
                pump(client.getInputStream(), redis.getOutputStream(), Duration.ZERO, requests);
                pump(redis.getInputStream(), client.getOutputStream(), delay, new AtomicInteger());
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, Duration hold, AtomicInteger chunks) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    Thread.sleep(hold.toMillis());
                    out.write(buffer, 0, n);
                    out.flush();
                    chunks.incrementAndGet();
                }
            } catch (IOException | InterruptedException closed) {
                // The proxy or one of the two ends closed: this direction ends.
            }
        }, "slow-redis-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
