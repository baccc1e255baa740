package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * config-samples/shared-system-prompt.yaml: three instances of test-app share one database and the Redis
 * on 127.0.0.1:6379; an admin change through any of them is served by all three within 1 s.
 */
class SharedSystemPromptSampleIT {
    private static final int INSTANCES = 3;
    private static final int CHANGES = 120;
    private static final long BOUND_NANOS = 1_000_000_000L;

    private static final List<ServedApp> apps = new ArrayList<>();

    @BeforeAll
    static void startThreeInstances() throws Exception {
        Path dir = Files.createTempDirectory("shared-prompt");
        String db = "jdbc:h2:" + dir.resolve("db") + ";AUTO_SERVER=TRUE";
        String prefix = "it-" + UUID.randomUUID() + ":";
        List<CompletableFuture<ServedApp>> starting = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            // The first instance creates the tables; the others open the same database after it.
            ChildJvm.Builder builder = ChildJvm.java().agent(Jars.sample("shared-system-prompt.yaml"))
                    .env("DB_URL", db).env("CACHE_KEY_PREFIX", prefix).env("CACHE_AGENT_STATS", "0ms");
            if (i == 0) {
                apps.add(ServedApp.start(builder));
            } else {
                starting.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return ServedApp.start(builder);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
        }
        for (CompletableFuture<ServedApp> app : starting) {
            apps.add(app.join());
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (ServedApp app : apps) {
            app.shutdown();
        }
    }

    private static String served(ServedApp app) throws Exception {
        return Events.json(app.get("/system-prompt")).path("text").asText();
    }

    @Test
    void adminChange_isServedByEveryInstanceWithinOneSecond() throws Exception {
        for (ServedApp app : apps) {
            served(app); // every instance holds a local copy of the old prompt
        }
        List<Long> delays = new ArrayList<>();
        for (int change = 0; change < CHANGES; change++) {
            String text = "prompt " + change;
            apps.get(change % INSTANCES).put("/system-prompt", text);
            long changed = System.nanoTime();
            long slowest = 0;
            for (ServedApp app : apps) {
                while (!served(app).equals(text)) {
                    assertThat(System.nanoTime() - changed)
                            .as("nanoseconds until instance serves change " + change).isLessThan(BOUND_NANOS);
                }
                slowest = Math.max(slowest, System.nanoTime() - changed);
            }
            delays.add(slowest);
            for (ServedApp app : apps) {
                served(app); // and reads it again, so the next change has local copies to drop
            }
        }
        Collections.sort(delays);
        double p50 = delays.get(delays.size() / 2) / 1e6;
        double p99 = delays.get((int) Math.ceil(delays.size() * 0.99) - 1) / 1e6;
        System.out.printf("PROPAGATION changes=%d instances=%d p50Ms=%.1f p99Ms=%.1f maxMs=%.1f%n", CHANGES,
                INSTANCES, p50, p99, delays.get(delays.size() - 1) / 1e6);
        assertThat(delays.get(delays.size() - 1)).isLessThan(BOUND_NANOS);
        for (ServedApp app : apps) {
            assertThat(app.jvm().stderr()).noneMatch(line -> line.contains("\"tier_error\"") || line.contains("SLF4J"));
        }
    }
}
