package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No stale write-back across instances, played out deterministically: instance A reads the system prompt and is
 * held (a test-app gate) after its query; instance B changes the prompt, which evicts it; A's read then completes
 * with the old text, and that text is stored nowhere: neither in Redis nor in A's local copy.
 * config-samples/shared-system-prompt.yaml (a two-level cache) on the Redis on 127.0.0.1:6379.
 */
class StaleWriteBackIT {
    private static final String GATE = "/admin/gates/system-prompt-read";

    private static String prefix;
    private static ServedApp a;
    private static ServedApp b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Path dir = Files.createTempDirectory("stale-write-back");
        prefix = "it-" + UUID.randomUUID() + ":";
        String db = "jdbc:h2:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
        a = ServedApp.start(instance(db)); // creates the tables; B opens the same database after it
        b = ServedApp.start(instance(db));
    }

    private static ChildJvm.Builder instance(String db) {
        return ChildJvm.java().agent(Jars.sample("shared-system-prompt.yaml"))
                .env("DB_URL", db).env("CACHE_KEY_PREFIX", prefix).env("CACHE_AGENT_STATS", "0ms");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (ServedApp app : new ServedApp[] {a, b}) {
            if (app != null) {
                app.shutdown();
            }
        }
    }

    private static String served(ServedApp app) throws Exception {
        return Events.json(app.get("/system-prompt")).path("text").asText();
    }

    private static Object inRedis() throws Exception {
        return RedisProcess.command(6379, "GET", prefix + "system-prompt:");
    }

    @Test
    void loadOvertakenByAChangeOnAnotherInstance_isNeverStored_andBothServeTheNewPrompt() throws Exception {
        a.put("/system-prompt", "old");
        a.post(GATE, "");
        CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> {
            try {
                return served(a);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Events.json(a.get(GATE)).path("waiting").asInt() == 0) {
            assertThat(System.nanoTime()).as("A's read held at its gate within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }

        b.put("/system-prompt", "new");
        a.delete(GATE);

        assertThat(held.get(30, TimeUnit.SECONDS)).as("A's held read answers what it read").isEqualTo("old");
        for (int read = 0; read < 3; read++) {
            assertThat(served(a)).as("A's read " + read + " after the change").isEqualTo("new");
            assertThat(served(b)).as("B's read " + read + " after the change").isEqualTo("new");
        }
        // Stores are written by one background thread, in order: once A's later value is in Redis, A's stale
        // write has been tried before it.
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!"new".equals(inRedis())) {
            assertThat(System.nanoTime()).as("the new prompt stored in Redis within 20 s, found " + inRedis())
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(served(a)).isEqualTo("new");
        assertThat(Events.from(a.jvm().stderr()).named("tier_error")).isEmpty();
    }
}
