package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.tools.attach.VirtualMachine;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test-app JVM operated live: its rule file edited while it serves (hot reload), the admin API and
 * the MBeans read from this JVM over JMX. The steps run in order on the same JVM; each waits for the
 * agent's {@code config_reloaded} or {@code config_error} event, never for a fixed time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveOperationsIT {
    private static final String TOKEN = "it-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SCENE_READ = """
              - name: scene-read
                %s
                match: { type: com.example.scenes.SceneService, method: getScene }
                cache: { use: scenes, key: "#projectId + ':' + #sceneId" }
                log: { channel: %s, events: [hit, miss] }
            """;
    private static final String SCENE_LIST = """
              - name: scene-list
                match: { type: com.example.scenes.SceneService, method: listScenes }
                cache: { use: scenes, key: "'list:' + #projectId" }
            """;

    @TempDir
    static Path dir;
    private static Path rules;
    private static int adminPort;
    private static ServedApp app;

    @BeforeAll
    static void start() throws Exception {
        rules = dir.resolve("rules.yaml");
        try (ServerSocket free = new ServerSocket(0)) {
            adminPort = free.getLocalPort();
        }
        Files.writeString(rules, file("5m", SCENE_READ.formatted("", "scenes")));
        app = ServedApp.start(ChildJvm.java().agent(rules));
        awaitEvents("admin_started", 1);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String file(String ttl, String... rules) {
        return """
                version: 1
                agent:
                  reload: true
                  stats: 0
                  admin: { bind: "127.0.0.1:%d", token: %s }
                caches:
                  scenes: { ttl: %s, maxEntries: 100 }
                rules:
                """.formatted(adminPort, TOKEN, ttl) + String.join("", rules);
    }

    /** Replaces the rule file as an editor does (write aside, rename over), and waits for the agent's answer. */
    private static JsonNode edit(String content, String expectedEvent) throws Exception {
        int reloads = count("config_reloaded");
        int errors = count("config_error");
        Path aside = dir.resolve("rules.yaml.tmp");
        Files.writeString(aside, content);
        Files.move(aside, rules, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        JsonNode answer = awaitAnyOf(reloads, errors);
        assertThat(answer.path("event").asText()).as(app.jvm().transcript()).isEqualTo(expectedEvent);
        return answer;
    }

    private static int count(String event) {
        return Events.from(app.jvm().stderr()).named(event).size();
    }

    private static JsonNode awaitAnyOf(int reloadsBefore, int errorsBefore) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Events events = Events.from(app.jvm().stderr());
            if (events.named("config_reloaded").size() > reloadsBefore) {
                return events.named("config_reloaded").get(reloadsBefore);
            }
            if (events.named("config_error").size() > errorsBefore) {
                return events.named("config_error").get(errorsBefore);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no config_reloaded or config_error within " + WAIT + " of editing the rule file\n"
                + app.jvm().transcript());
    }

    /** The agent registers its MBeans within a second of the platform MBeanServer being created. */
    private static void awaitRegistered(MBeanServerConnection jmx, ObjectName name) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!jmx.isRegistered(name)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " not registered within " + WAIT + "\n" + app.jvm().transcript());
            }
            Thread.sleep(20);
        }
    }

    private static void awaitEvents(String event, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count(event) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " " + event + " events within " + WAIT + "\n"
                        + app.jvm().transcript());
            }
            Thread.sleep(20);
        }
    }

    private static void awaitEvent(Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Events.from(app.jvm().stderr()).where(condition).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such event within " + WAIT + "\n" + app.jvm().transcript());
            }
            Thread.sleep(20);
        }
    }

    private static long dbQueries() throws Exception {
        return app.stats().path("dbQueries").asLong();
    }

    /** How many database queries two reads of the same path cost. */
    private static long queriesForTwoReads(String path) throws Exception {
        long before = dbQueries();
        app.get(path);
        app.get(path);
        return dbQueries() - before;
    }

    private static HttpResponse<String> admin(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void start_cachesSceneReads() throws Exception {
        assertThat(queriesForTwoReads("/scenes/p1/s1")).isEqualTo(1);
        assertThat(queriesForTwoReads("/scenes/p1")).as("listScenes has no rule yet").isEqualTo(2);
    }

    @Test
    @Order(2)
    void edit_newTtl_isAppliedAtOnceWithAnEmptyCacheAndNothingRetransformed() throws Exception {
        JsonNode reloaded = edit(file("2m", SCENE_READ.formatted("", "scenes")), "config_reloaded");

        assertThat(reloaded.path("trigger").asText()).isEqualTo("file");
        assertThat(reloaded.path("retransformedClasses").asInt()).isZero();
        assertThat(reloaded.path("keptCaches")).isEmpty();
        JsonNode caches = Events.json(admin("GET", "/caches", null).body());
        assertThat(caches.at("/caches/0/ttlMs").asLong()).isEqualTo(120_000);
        assertThat(queriesForTwoReads("/scenes/p1/s1")).as("the new cache starts empty, then serves").isEqualTo(1);
    }

    @Test
    @Order(3)
    void edit_sameMethodsOtherSettings_keepsTheCacheAndRetransformsNothing() throws Exception {
        JsonNode reloaded = edit(file("2m", SCENE_READ.formatted("", "scene-events")), "config_reloaded");

        assertThat(reloaded.path("retransformedClasses").asInt()).isZero();
        assertThat(reloaded.path("keptCaches").toString()).contains("scenes");
        assertThat(queriesForTwoReads("/scenes/p1/s1")).as("still cached from before the reload").isZero();
        awaitEvent(e -> e.path("event").asText().equals("hit") && e.path("channel").asText().equals("scene-events"));
    }

    @Test
    @Order(4)
    void edit_ruleDisabled_restoresTheOriginalMethod() throws Exception {
        JsonNode reloaded = edit(file("2m", SCENE_READ.formatted("enabled: false", "scenes")), "config_reloaded");

        assertThat(reloaded.path("retransformedClasses").asInt()).isEqualTo(1);
        assertThat(queriesForTwoReads("/scenes/p1/s1")).isEqualTo(2);
    }

    @Test
    @Order(5)
    void edit_newRuleForAnAlreadyLoadedClass_instrumentsIt() throws Exception {
        JsonNode reloaded = edit(file("2m", SCENE_READ.formatted("", "scenes"), SCENE_LIST), "config_reloaded");

        assertThat(reloaded.path("retransformedClasses").asInt()).isEqualTo(1);
        assertThat(queriesForTwoReads("/scenes/p2")).isEqualTo(1);
        assertThat(queriesForTwoReads("/scenes/p2/s2")).isEqualTo(1);
        assertThat(Events.from(app.jvm().stderr()).named("rule_applied"))
                .anyMatch(e -> e.path("method").asText().equals("com.example.scenes.SceneService#listScenes"));
    }

    @Test
    @Order(6)
    void edit_ruleRemoved_restoresItsMethodAndKeepsTheOthers() throws Exception {
        edit(file("2m", SCENE_READ.formatted("", "scenes")), "config_reloaded");

        assertThat(queriesForTwoReads("/scenes/p3")).isEqualTo(2);
        assertThat(queriesForTwoReads("/scenes/p2/s2")).as("scene-read kept its entries").isZero();
    }

    @Test
    @Order(7)
    void edit_broken_isRefusedAndTheRunningConfigurationKeepsWorking() throws Exception {
        JsonNode error = edit("version: 1\nrules: [ broken", "config_error");

        assertThat(error.path("reason").asText()).contains("rules.yaml:", "the running configuration is kept");
        assertThat(queriesForTwoReads("/scenes/p2/s2")).isZero();
        JsonNode health = Events.json(admin("GET", "/health", null).body());
        assertThat(health.at("/agent/lastReloadRefused").asText()).contains("rules.yaml:");
    }

    @Test
    @Order(8)
    void adminReload_withTheToken_appliesTheFile() throws Exception {
        Files.writeString(dir.resolve("rules.yaml.tmp"), file("2m", SCENE_READ.formatted("", "scenes")));
        Files.move(dir.resolve("rules.yaml.tmp"), rules, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        awaitAnyOf(count("config_reloaded"), count("config_error"));

        HttpResponse<String> refused = admin("POST", "/reload", null);
        HttpResponse<String> applied = admin("POST", "/reload", TOKEN);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(Events.json(applied.body()).path("retransformedClasses").asInt()).isZero();
    }

    @Test
    @Order(9)
    void adminDisable_letsCallsThroughWithoutARestart() throws Exception {
        assertThat(admin("POST", "/rules/scene-read/disable", TOKEN).statusCode()).isEqualTo(200);
        assertThat(queriesForTwoReads("/scenes/p1/s2")).isEqualTo(2);

        assertThat(admin("POST", "/rules/scene-read/enable", TOKEN).statusCode()).isEqualTo(200);
        assertThat(queriesForTwoReads("/scenes/p1/s2")).isEqualTo(1);
        assertThat(admin("GET", "/rules", null).body()).contains("com.example.scenes.SceneService#getScene");
    }

    @Test
    @Order(10)
    void mbeans_areReadFromAnotherJvmOverJmx() throws Exception {
        app.get("/scenes/p1/s3");
        app.get("/scenes/p1/s3");
        VirtualMachine vm = VirtualMachine.attach(Long.toString(app.jvm().pid()));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            ObjectName scenes = new ObjectName("dev.cacheagent:type=Cache,name=scenes");
            ObjectName rule = new ObjectName("dev.cacheagent:type=Rule,name=scene-read");
            awaitRegistered(jmx, scenes);

            JsonNode caches = Events.json(admin("GET", "/caches", null).body());
            assertThat((Long) jmx.getAttribute(scenes, "Hits")).isEqualTo(caches.at("/caches/0/hits").asLong())
                    .isPositive();
            assertThat((Long) jmx.getAttribute(scenes, "Size")).isEqualTo(caches.at("/caches/0/size").asLong());
            assertThat((Double) jmx.getAttribute(scenes, "HitRate")).isBetween(0.0, 1.0);
            assertThat(jmx.getAttribute(rule, "Enabled")).isEqualTo(true);
        }
    }

    @Test
    @Order(11)
    void metrics_areServedInPrometheusTextFormat() throws Exception {
        HttpResponse<String> metrics = admin("GET", "/metrics", null);

        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains("cacheagent_requests_total{cache=\"scenes\",rule=\"scene-read\","
                + "result=\"hit\"}");
    }
}
