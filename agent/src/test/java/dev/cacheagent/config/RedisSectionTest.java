package dev.cacheagent.config;

import static dev.cacheagent.config.RuleFiles.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The redis section is read and checked in full. */
class RedisSectionTest {
    private static List<String> redisErrors(String section) {
        return errors("version: 1\n" + section + RuleFiles.TIMING_RULE);
    }

    @Test
    void redis_valid_isAccepted() throws ConfigException {
        RedisSettings redis = RuleFiles.parse("version: 1\n" + """
                redis:
                  url: redis://user:pw@127.0.0.1:6379
                  keyPrefix: "myapp:"
                  timeout: 250ms
                  pool: { maxTotal: 8 }
                  circuitBreaker: { failures: 3, openFor: 2s }
                """ + RuleFiles.TIMING_RULE).redis();
        assertThat(redis.url()).isEqualTo("redis://user:pw@127.0.0.1:6379");
        assertThat(redis.keyPrefix()).isEqualTo("myapp:");
        assertThat(redis.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(redis.poolMaxTotal()).isEqualTo(8);
        assertThat(redis.breakerFailures()).isEqualTo(3);
        assertThat(redis.breakerOpenFor()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void redis_clusterAndSentinelForms_areAccepted() throws ConfigException {
        assertThat(RuleFiles.parse("version: 1\nredis: { cluster: [127.0.0.1:7000, 127.0.0.1:7001] }\n"
                + RuleFiles.TIMING_RULE).redis().cluster()).containsExactly("127.0.0.1:7000", "127.0.0.1:7001");
        assertThat(RuleFiles.parse("version: 1\nredis: { sentinel: { master: m, nodes: [127.0.0.1:26379] } }\n"
                + RuleFiles.TIMING_RULE).redis().sentinel()).isEqualTo(
                        new RedisSettings.Sentinel("m", List.of("127.0.0.1:26379")));
    }

    @Test
    void redis_noServer_isAnError() {
        assertThat(redisErrors("redis:\n  keyPrefix: x\n")).containsExactly("rules.yaml:3:3: redis: no server"
                + " is given — add one of url: redis://host:6379, cluster: [host:port, …] or sentinel: {master,"
                + " nodes}");
    }

    @Test
    void redis_twoServers_isAnError() {
        assertThat(redisErrors("redis:\n  url: redis://h:1\n  cluster: [h:2]\n")).containsExactly(
                "rules.yaml:4:3: redis: both url and cluster are given — keep exactly one of url, cluster and"
                        + " sentinel");
    }

    @Test
    void redisUrl_wrongScheme_isAnErrorThatDoesNotRepeatTheUrl() {
        assertThat(redisErrors("redis:\n  url: http://user:pw@h:6379\n")).containsExactly(
                "rules.yaml:3:8: redis: 'url' must start with redis:// or rediss:// (TLS) — write e.g."
                        + " redis://127.0.0.1:6379 or rediss://user:password@host:6380");
    }

    @Test
    void redisUrl_withoutHost_isAnError() {
        assertThat(redisErrors("redis:\n  url: redis:///0\n")).containsExactly(
                "rules.yaml:3:8: redis: 'url' names no host — write e.g. redis://127.0.0.1:6379");
    }

    @Test
    void redisUrl_malformed_isAnError() {
        assertThat(redisErrors("redis:\n  url: redis://us er@h:1\n")).containsExactly(
                "rules.yaml:3:8: redis: 'url' is not a valid URL: illegal character in authority — check the URL;"
                        + " characters such as '@' or '/' in a password must be %-encoded");
    }

    @Test
    void redisCluster_badNode_isAnError() {
        assertThat(redisErrors("redis:\n  cluster: [127.0.0.1:7000, 127.0.0.1]\n")).containsExactly(
                "rules.yaml:3:29: redis: 'cluster[1]' must be host:port, not '127.0.0.1' — write e.g."
                        + " 127.0.0.1:9464");
    }

    @Test
    void redisCluster_empty_isAnError() {
        assertThat(redisErrors("redis:\n  cluster: []\n")).containsExactly(
                "rules.yaml:3:12: redis: 'cluster' is empty — list at least one host:port, e.g. [127.0.0.1:7000]");
    }

    @Test
    void redisSentinel_missingMasterAndNodes_areErrors() {
        assertThat(redisErrors("redis:\n  sentinel: {}\n")).containsExactly(
                "rules.yaml:3:13: redis: 'sentinel.master' is missing — add master: mymaster",
                "rules.yaml:3:13: redis: 'sentinel.nodes' is missing — add nodes: [127.0.0.1:26379]");
    }

    @Test
    void redisTimeout_bareNumber_isAnError() {
        assertThat(redisErrors("redis:\n  url: redis://h:1\n  timeout: 500\n")).containsExactly(
                "rules.yaml:4:12: redis: 'timeout' is 500 without a unit — add one: write 500ms or 500s (units: ms,"
                        + " s, m, h, d)");
    }

    @Test
    void redisPool_zero_isAnError() {
        assertThat(redisErrors("redis:\n  url: redis://h:1\n  pool: { maxTotal: 0 }\n")).containsExactly(
                "rules.yaml:4:21: redis: 'pool.maxTotal' must be greater than 0, not 0 — give a positive number");
    }

    @Test
    void redisCircuitBreaker_unknownKey_isAnError() {
        assertThat(redisErrors("redis:\n  url: redis://h:1\n  circuitBreaker: { failure: 3 }\n")).containsExactly(
                "rules.yaml:4:21: redis: unknown key 'circuitBreaker.failure' — did you mean"
                        + " 'failures'?");
    }

    @Test
    void redisPool_beyondAnInt_isAnError() {
        assertThat(redisErrors("redis:\n  url: redis://h:1\n  pool: { maxTotal: 3000000000 }\n")).containsExactly(
                "rules.yaml:4:21: redis: 'pool.maxTotal' is too large: '3000000000' — write at most 2147483647");
    }
}
