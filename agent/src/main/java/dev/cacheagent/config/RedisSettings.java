package dev.cacheagent.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code redis:} section. Exactly one of {@code url}, {@code cluster} and {@code sentinel} is set.
 */
public record RedisSettings(String url, List<String> cluster, Sentinel sentinel, String keyPrefix,
        Duration timeout, int poolMaxTotal, int breakerFailures, Duration breakerOpenFor, Position position) {

    /** A Sentinel-managed master. */
    public record Sentinel(String master, List<String> nodes) {}
}
