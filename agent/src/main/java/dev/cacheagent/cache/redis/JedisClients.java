package dev.cacheagent.cache.redis;

import dev.cacheagent.config.RedisSettings;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisSentineled;
import redis.clients.jedis.UnifiedJedis;

/**
 * Makes the Jedis client that {@link RedisConnection} uses, on its background thread only.
 *
 * <p>A class of its own because the JVM's verifier loads the classes whose assignability it checks: with this
 * code inside {@code RedisConnection}, verifying that class (in {@code premain}, on the application's main
 * thread) loaded {@code UnifiedJedis} with its ~50 command interfaces, the three client classes and the
 * client configuration. Here they are loaded when the first client is made, off the main thread.
 */
final class JedisClients {
    private static final int CLUSTER_ATTEMPTS = 3;

    private JedisClients() {}

    /** A client for the server, Cluster or Sentinel of {@code settings}, every wait bounded by its timeout. */
    static UnifiedJedis create(RedisSettings settings) {
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(settings.poolMaxTotal());
        pool.setMaxIdle(settings.poolMaxTotal());
        pool.setMaxWait(settings.timeout());
        pool.setBlockWhenExhausted(true);
        pool.setJmxEnabled(false);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeout).socketTimeoutMillis(timeout).clientName("cache-agent");
        if (settings.cluster() != null) {
            Set<HostAndPort> nodes = settings.cluster().stream().map(HostAndPort::from).collect(Collectors.toSet());
            return new JedisCluster(nodes, config.build(), CLUSTER_ATTEMPTS, settings.timeout(), pool);
        }
        if (settings.sentinel() != null) {
            Set<HostAndPort> sentinels =
                    settings.sentinel().nodes().stream().map(HostAndPort::from).collect(Collectors.toSet());
            JedisClientConfig sentinelConfig = DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(timeout).socketTimeoutMillis(timeout).build();
            return new JedisSentineled(settings.sentinel().master(), config.build(), pool, sentinels, sentinelConfig);
        }
        URI uri = URI.create(settings.url());
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                config.password(decode(userInfo));
            } else {
                if (colon > 0) {
                    config.user(decode(userInfo.substring(0, colon)));
                }
                config.password(decode(userInfo.substring(colon + 1)));
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            config.database(Integer.parseInt(path.substring(1)));
        }
        config.ssl(uri.getScheme().equals("rediss"));
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        return new JedisPooled(new HostAndPort(uri.getHost(), port), config.build(), pool);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
