package dev.cacheagent.it;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The Redis on 127.0.0.1:6379 that the shared-cache samples use by default (CI starts one), used by each test under
 * a key prefix of its own so that tests and runs never see each other's entries.
 */
final class SharedRedis {
    private static final int PORT = 6379;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private SharedRedis() {}

    static String newPrefix() {
        return "it-" + UUID.randomUUID() + ":";
    }

    /** How many keys match {@code pattern} now. */
    static int keyCount(String pattern) throws IOException {
        return ((List<?>) RedisProcess.command(PORT, "KEYS", pattern)).size();
    }

    /** Waits until {@code count} keys match {@code pattern}: values are written in the background. */
    static void awaitKeys(String pattern, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<?> keys = (List<?>) RedisProcess.command(PORT, "KEYS", pattern);
            if (keys.size() >= count) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + WAIT + " for " + count + " keys matching " + pattern
                        + " in the Redis on 127.0.0.1:" + PORT + "; found " + keys);
            }
            Thread.sleep(5);
        }
    }
}
