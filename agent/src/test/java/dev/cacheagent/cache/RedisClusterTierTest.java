package dev.cacheagent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.cache.redis.ValueType;
import dev.cacheagent.config.CacheSpec.Codec;
import dev.cacheagent.config.CacheSpec.Tier;
import dev.cacheagent.config.RedisSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared tiers on a Redis Cluster of three masters, started by this test on loopback ports. */
class RedisClusterTierTest {
    private static final List<Process> servers = new ArrayList<>();
    private static final List<String> nodes = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Path dir = Files.createTempDirectory("redis-cluster");
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            Path node = Files.createDirectories(dir.resolve(String.valueOf(port)));
            servers.add(new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--save", "",
                    "--appendonly", "no").directory(node.toFile()).redirectErrorStream(true)
                    .redirectOutput(node.resolve("log").toFile()).start());
            nodes.add("127.0.0.1:" + port);
        }
        for (String node : nodes) {
            String port = node.substring(node.indexOf(':') + 1);
            RedisServer.await("redis-server on " + node, () -> run("redis-cli", "-p", port, "ping") == 0);
        }
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        create.addAll(nodes);
        create.add("--cluster-yes");
        assertThat(run(create.toArray(String[]::new))).as("redis-cli --cluster create").isZero();
        RedisServer.await("the cluster to be ok", () -> run("sh", "-c",
                "redis-cli -p " + nodes.get(0).substring(10) + " cluster info | grep -q cluster_state:ok") == 0);
    }

    @AfterAll
    static void stopCluster() {
        servers.forEach(Process::destroy);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + " (is redis-server on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private final RedisServer events = new RedisServer();

    @org.junit.jupiter.api.AfterEach
    void closeEvents() {
        events.close();
    }

    private SharedTiers instance(String prefix) {
        RedisSettings settings = new RedisSettings(null, nodes, null, prefix, Duration.ofMillis(500), 8, 5,
                Duration.ofSeconds(5), null);
        SharedTiers tiers = SharedTiers.open(settings, events.log, Clock.system());
        RedisServer.await("the cluster connection", () -> tiers.isUp() && tiers.isSubscribed());
        return tiers;
    }

    @Test
    void twoLevelOnACluster_sharesEntriesAndEvictsByPatternOnEveryMaster() {
        String prefix = "cluster-" + UUID.randomUUID() + ":";
        SharedTiers first = instance(prefix);
        SharedTiers second = instance(prefix);
        try {
            ValueType text = new ValueType("java.lang.String", null);
            CacheTier one = first.build(RedisServer.spec("c", Tier.TWO_LEVEL, Codec.JSON, List.of())).forValues(text);
            CacheTier two = second.build(RedisServer.spec("c", Tier.TWO_LEVEL, Codec.JSON, List.of())).forValues(text);
            for (int i = 0; i < 30; i++) {
                one.store("p1:" + i, "v" + i, CacheEntry.Source.PUT);
            }
            one.store("p2:0", "kept", CacheEntry.Source.PUT);
            assertThat(two.get("p1:7").value()).isEqualTo("v7");
            one.store("p1:7", "changed", CacheEntry.Source.PUT);
            RedisServer.await("the invalidation message", () -> "changed".equals(two.get("p1:7").value()));
            two.invalidateMatching("p1:*");
            for (int i = 0; i < 30; i++) {
                assertThat(one.get("p1:" + i)).as("p1:" + i).isNull();
            }
            assertThat(one.get("p2:0").value()).isEqualTo("kept");
            assertThat(events.events).noneMatch(e -> e.event().equals("tier_error"));
        } finally {
            first.close();
            second.close();
        }
    }
}
