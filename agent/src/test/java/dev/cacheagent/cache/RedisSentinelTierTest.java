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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The shared tiers through Redis Sentinel: a master and one sentinel ({@code redis-server --sentinel}, the same
 * binary as {@code redis-sentinel}) started by this test on loopback ports.
 */
class RedisSentinelTierTest {
    private static final List<Process> servers = new ArrayList<>();
    private static int masterPort;
    private static int sentinelPort;

    @BeforeAll
    static void startMasterAndSentinel() throws Exception {
        Path dir = Files.createTempDirectory("redis-sentinel");
        masterPort = freePort();
        sentinelPort = freePort();
        servers.add(start(dir, "redis-server", "--port", String.valueOf(masterPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"));
        Path config = dir.resolve("sentinel.conf");
        Files.writeString(config, "port " + sentinelPort + "\nbind 127.0.0.1\n"
                + "sentinel monitor mymaster 127.0.0.1 " + masterPort + " 1\n");
        servers.add(start(dir, "redis-server", config.toString(), "--sentinel"));
        RedisServer.await("the sentinel to know the master", () -> {
            try (JedisPooled sentinel = new JedisPooled("127.0.0.1", sentinelPort)) {
                return sentinel.sendCommand(redis.clients.jedis.Protocol.Command.SENTINEL, "masters") != null;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
    }

    private static Process start(Path dir, String... command) throws IOException {
        try {
            return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(command.length + "-" + System.nanoTime() + ".log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot run redis-server (is it on the PATH? CI installs it)", e);
        }
    }

    @AfterAll
    static void stop() {
        servers.forEach(Process::destroy);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private final RedisServer events = new RedisServer();

    @Test
    void redisTier_throughSentinel_sharesAValueBetweenInstances() {
        RedisSettings settings = new RedisSettings(null, null,
                new RedisSettings.Sentinel("mymaster", List.of("127.0.0.1:" + sentinelPort)), events.prefix,
                Duration.ofMillis(500), 8, 3, Duration.ofSeconds(30), null);
        SharedTiers first = SharedTiers.open(settings, events.log, Clock.system());
        SharedTiers second = SharedTiers.open(settings, events.log, Clock.system());
        try {
            RedisServer.await("both instances connected", () -> first.isUp() && second.isUp());
            CacheTier one = first.build(RedisServer.spec("c", Tier.REDIS, Codec.STRING, List.of()))
                    .forValues(new ValueType("java.lang.String", null));
            CacheTier two = second.build(RedisServer.spec("c", Tier.REDIS, Codec.STRING, List.of()))
                    .forValues(new ValueType("java.lang.String", null));

            one.store("k", "through the sentinel", CacheEntry.Source.PUT);

            assertThat(two.get("k").value()).isEqualTo("through the sentinel");
            try (JedisPooled master = new JedisPooled("127.0.0.1", masterPort)) {
                assertThat(master.get(events.prefix + "c:k")).as("the value on the master").isEqualTo(
                        "through the sentinel");
            }
        } finally {
            first.close();
            second.close();
            events.close();
        }
    }
}
