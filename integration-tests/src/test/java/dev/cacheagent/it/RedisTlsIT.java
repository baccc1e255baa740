package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code rediss://} against a {@code redis-server} of the test's own that speaks only TLS, with a certificate the
 * test makes at run time. The agent trusts it the way a user would arrange it: the JVM's standard
 * {@code -Djavax.net.ssl.trustStore} options on the application's command line. The agent logs in as an ACL user
 * named in the URL. A JVM that does not trust the certificate, or reaches the server by a name the certificate
 * does not carry, gets a {@code tier_error} and answers from the database.
 */
class RedisTlsIT {
    private static final String USER = "cache-agent-it";
    private static final String PASSWORD = "tls-Pa55word-9f2c";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Path rules;
    private static TlsCertificate server;
    private static TlsCertificate stranger;
    private static RedisProcess redis;
    private static ServedApp app;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("redis-tls");
        server = TlsCertificate.create(dir, "server");
        stranger = TlsCertificate.create(dir, "stranger");
        redis = RedisProcess.startTls(server);
        redis.command("ACL", "SETUSER", USER, "on", ">" + PASSWORD, "~*", "&*", "+@all");
        rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                agent: { stats: 0ms }
                redis:
                  url: ${REDIS_URL}
                  keyPrefix: ${KEY_PREFIX}
                  timeout: 2s
                caches:
                  prompts: { tier: redis, ttl: 10m, codec: string }
                rules:
                  - name: style-prompt
                    match: { type: com.example.preview.StylePromptService, method: getStylePrompt }
                    cache: { use: prompts, key: "#styleName" }
                    log: { channel: prompts, events: [hit, miss] }
                """);
        app = ServedApp.start(app(server, "127.0.0.1", "trusted:"));
    }

    /**
     * test-app with the agent on the TLS Redis at {@code host}, as user {@link #USER}, trusting {@code trusted}
     * only.
     */
    private static ChildJvm.Builder app(TlsCertificate trusted, String host, String keyPrefix) {
        ChildJvm.Builder builder = ChildJvm.java().agent(rules).env("KEY_PREFIX", keyPrefix)
                .env("REDIS_URL", "rediss://" + USER + ":" + PASSWORD + "@" + host + ":" + redis.port());
        trusted.trustStoreOptions().forEach(builder::jvmArg);
        return builder;
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.shutdown();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void rediss_certificateInTheJvmTrustStore_loadedValueIsStoredInTheTlsRedis() throws Exception {
        String prompt = prompt(app, "neon-noir");

        assertThat(prompt).isNotEmpty();
        assertThat(awaitValue("trusted:prompts:neon-noir")).isEqualTo(prompt);
    }

    @Test
    void rediss_certificateInTheJvmTrustStore_valueInTheTlsRedisIsServed() throws Exception {
        redis.command("SET", "trusted:prompts:pixel-art", "written over TLS by the test");
        int mark = app.jvm().stderr().size();

        assertThat(prompt(app, "pixel-art")).isEqualTo("written over TLS by the test");
        assertThat(events(app, mark).where(e -> "hit".equals(e.path("event").asText())))
                .singleElement().satisfies(hit -> {
                    assertThat(hit.path("key").asText()).isEqualTo("pixel-art");
                    assertThat(hit.path("tier").asText()).isEqualTo("redis");
                });
    }

    @Test
    void rediss_credentialsInTheUrl_agentIsLoggedInAsThatUser_andThePasswordIsNeverPrinted() throws Exception {
        prompt(app, "watercolor-dreams");

        List<String> agentClients = Arrays.stream(((String) redis.command("CLIENT", "LIST")).split("\n"))
                .filter(client -> client.contains(" name=cache-agent ")).toList();
        assertThat(agentClients).isNotEmpty().allSatisfy(client -> assertThat(client).contains(" user=" + USER + " "));
        assertThat(app.jvm().transcript()).doesNotContain(PASSWORD);
    }

    @Test
    void rediss_certificateNotTrusted_tierErrorNamesTheHandshake_andTheAppAnswersFromTheDatabase() throws Exception {
        refusesTheServer(app(stranger, "127.0.0.1", "untrusted:"), "untrusted:", "PKIX path building failed");
    }

    @Test
    void rediss_trustedCertificateNamesAnotherHost_tierError_andTheAppAnswersFromTheDatabase() throws Exception {
        // The certificate names 127.0.0.1; the URL says localhost, which resolves there: the name check refuses it.
        refusesTheServer(app(server, "localhost", "misnamed:"), "misnamed:", "localhost");
    }

    /** The app answers every request from the database; the handshake failure is a tier_error naming why. */
    private static void refusesTheServer(ChildJvm.Builder builder, String keyPrefix, String why) throws Exception {
        String expected = prompt(app, "ukiyo-e");
        try (ServedApp refusing = ServedApp.start(builder)) {
            assertThat(prompt(refusing, "ukiyo-e")).isEqualTo(expected);

            JsonNode error = awaitEvent(refusing, e -> "tier_error".equals(e.path("event").asText()));
            assertThat(error.path("cache").asText()).isEqualTo("prompts");
            assertThat(error.path("error").asText()).contains("SSLHandshakeException").contains(why);
            assertThat(prompt(refusing, "ukiyo-e")).isEqualTo(expected);
            assertThat(events(refusing, 0).where(e -> "hit".equals(e.path("event").asText()))).isEmpty();
            assertThat((List<?>) redis.command("KEYS", keyPrefix + "*")).isEmpty();
            assertThat(refusing.jvm().transcript()).doesNotContain(PASSWORD);
        }
    }

    private static String prompt(ServedApp target, String style) throws Exception {
        return Events.json(target.get("/prompts/" + style)).path("prompt").asText();
    }

    private static Events events(ServedApp target, int from) {
        List<String> lines = target.jvm().stderr();
        return Events.from(lines.subList(Math.min(from, lines.size()), lines.size()));
    }

    /** The value of {@code key} once the agent's background writer stored it. */
    private static String awaitValue(String key) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Object value = redis.command("GET", key);
            if (value != null) {
                return (String) value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no value at " + key + " in the TLS Redis within " + WAIT + "; the app's "
                        + "output:\n" + app.jvm().transcript());
            }
            Thread.sleep(10);
        }
    }

    private static JsonNode awaitEvent(ServedApp target, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<JsonNode> found = events(target, 0).where(condition);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no such event within " + WAIT + "; the app's output:\n"
                        + target.jvm().transcript());
            }
            Thread.sleep(10);
        }
    }
}
