package dev.cacheagent.config;

import dev.cacheagent.config.RedisSettings.Sentinel;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the {@code redis:} section. */
final class RedisSection {
    private static final List<String> CONNECTIONS = List.of("url", "cluster", "sentinel");
    private static final int DEFAULT_POOL = 16;
    private static final int DEFAULT_FAILURES = 5;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration DEFAULT_OPEN_FOR = Duration.ofSeconds(5);

    RedisSettings read(YamlMap redis) {
        exactlyOneConnection(redis);
        String url = redis.optional("url", RedisSection::url).orElse(null);
        List<String> cluster = nodes(redis, "cluster").orElse(null);
        Sentinel sentinel = redis.map("sentinel").map(RedisSection::sentinel).orElse(null);
        String keyPrefix = redis.get("keyPrefix", Scalar::asTextOrEmpty, "");
        Duration timeout = redis.get("timeout", Scalar::asPositiveDuration, DEFAULT_TIMEOUT);
        Optional<YamlMap> pool = redis.map("pool");
        int maxTotal = pool.map(p -> p.get("maxTotal", Scalar::asCount, DEFAULT_POOL)).orElse(DEFAULT_POOL);
        pool.ifPresent(YamlMap::finish);
        Optional<YamlMap> breaker = redis.map("circuitBreaker");
        int failures = breaker.map(b -> b.get("failures", Scalar::asCount, DEFAULT_FAILURES)).orElse(DEFAULT_FAILURES);
        Duration openFor = breaker.map(b -> b.get("openFor", Scalar::asPositiveDuration, DEFAULT_OPEN_FOR))
                .orElse(DEFAULT_OPEN_FOR);
        breaker.ifPresent(YamlMap::finish);
        redis.finish();
        return new RedisSettings(url, cluster, sentinel, keyPrefix, timeout, maxTotal, failures, openFor,
                redis.position());
    }

    private static void exactlyOneConnection(YamlMap redis) {
        List<String> given = CONNECTIONS.stream().filter(redis::has).toList();
        if (given.isEmpty()) {
            redis.error(redis.position(), "no server is given",
                    "add one of url: redis://host:6379, cluster: [host:port, …] or sentinel: {master, nodes}");
        } else if (given.size() > 1) {
            redis.error(redis.keyPosition(given.get(1)), "both " + given.get(0) + " and " + given.get(1) + " are given",
                    "keep exactly one of url, cluster and sentinel");
        }
    }

    private static String url(Scalar scalar) throws InvalidValue {
        String text = scalar.asText();
        // The URL may carry a password: messages never repeat it.
        if (!text.startsWith("redis://") && !text.startsWith("rediss://")) {
            throw new InvalidValue("must start with redis:// or rediss:// (TLS)",
                    "write e.g. redis://127.0.0.1:6379 or rediss://user:password@host:6380");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidValue("is not a valid URL: " + e.getReason().toLowerCase(Locale.ROOT),
                    "check the URL; characters such as '@' or '/' in a password must be %-encoded");
        }
        if (uri.getHost() == null) {
            throw new InvalidValue("names no host", "write e.g. redis://127.0.0.1:6379");
        }
        return text;
    }

    private static Sentinel sentinel(YamlMap sentinel) {
        String master = sentinel.required("master", Scalar::asText, "mymaster").orElse(null);
        List<String> nodes = List.of();
        if (sentinel.has("nodes")) {
            nodes = nodes(sentinel, "nodes").orElse(List.of());
        } else {
            sentinel.missing("nodes", "[127.0.0.1:26379]");
        }
        sentinel.finish();
        return new Sentinel(master, nodes);
    }

    /** A non-empty list of {@code host:port}. */
    private static Optional<List<String>> nodes(YamlMap map, String key) {
        return map.list(key).map(items -> {
            if (items.isEmpty()) {
                map.error(map.valuePosition(key), "'" + map.path(key) + "' is empty",
                        "list at least one host:port, e.g. [127.0.0.1:7000]");
            }
            List<String> nodes = map.items(key, items, scalar -> HostPort.parse(scalar).toString());
            return List.copyOf(nodes);
        });
    }
}
