package dev.cacheagent.it;

import static dev.cacheagent.it.ClassLoadLog.indexOfFirstLoad;
import static dev.cacheagent.it.ClassLoadLog.indexOfLoad;
import static dev.cacheagent.it.ClassLoadLog.thread;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent costs an application's startup, and what it defers: the rule file is parsed off the
 * application's main thread, which only a class a rule may select waits for; with no rule on, nothing of the bytecode
 * library (ASM, relocated) is loaded (the transformer rejects every class by name), and what operates the
 * agent starts after {@code premain}, reporting its failures as before; the platform MBeanServer is left for a
 * JMX user to create; the Redis client and the JSON codec's Jackson are made off the
 * application's main thread.
 */
class StartupIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** test-app's main class: what its main thread loaded before it, it loaded in {@code premain}. */
    private static final String MAIN_CLASS = "com.example.app.TestApp";
    /** The relocated Redis client, its connection pool and Jackson (core and databind). */
    private static final List<String> REDIS_AND_JACKSON = List.of("dev.cacheagent.shaded.redis.",
            "dev.cacheagent.shaded.pool2.", "dev.cacheagent.shaded.jackson.");

    @TempDir
    Path dir;
    /** For the one run of the fixture application that several tests read. */
    @TempDir
    static Path sharedDir;

    @Test
    void ruleFileWithEveryRuleOff_neitherParsesNorRewritesAnyClass() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                caches:
                  shapes: { ttl: 1m, maxEntries: 100 }
                rules:
                  - name: catalog-lookups
                    enabled: false
                    match: { type: fixture.shapes.Catalog, method: lookup }
                    cache: { use: shapes, key: "#p0" }
                """);
        Path classLog = dir.resolve("classes.log");
        ChildJvm app = ChildJvm.java().agent(rules).jvmArg("-Xlog:class+load=info:file=" + classLog)
                .mainClass(System.getProperty("fixture.classes"), "fixture.shapes.MatchingApp").run();

        assertThat(app.stdout()).as(app.transcript())
                .containsExactly("lookups=3 counts=3 labels=3 finds=6 areas=3");
        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).as("the application's classes were loaded").anyMatch(l -> l.contains(" fixture.shapes.Catalog "));
        assertThat(loaded.stream().filter(l -> l.contains(" dev.cacheagent.shaded.asm.")))
                .as("the bytecode library's class-file reader and writer").isEmpty();
    }

    @Test
    void adminApiOnAPortInUse_isOneConfigError_andTheApplicationStillAnswers() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path rules = promptRulesWithAdminOn(taken.getLocalPort());
            try (ServedApp app = ServedApp.start(ChildJvm.java().agent(rules).env("DB_DELAY_MS", "0"))) {
                assertThat(app.get("/prompts/neon-noir")).isNotBlank();
                JsonNode error = awaitEvent(app, "config_error");

                assertThat(error.path("reason").asText()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                        .contains("choose a free local port for agent.admin.bind");
                assertThat(Events.from(app.jvm().stderr()).named("admin_started")).isEmpty();
                assertThat(app.get("/prompts/neon-noir")).isNotBlank();
            }
        }
    }

    @Test
    void agentWithItsServicesRunning_leavesThePlatformMBeanServerUncreated() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path rules = promptRulesWithAdminOn(port);
        Path classLog = dir.resolve("classes.log");
        try (ServedApp app = ServedApp.start(ChildJvm.java().agent(rules).env("DB_DELAY_MS", "0")
                .jvmArg("-Xlog:class+load=info:file=" + classLog))) {
            awaitEvent(app, "admin_started");
            assertThat(app.get("/prompts/neon-noir")).isNotBlank();
            app.shutdown();
        }

        assertThat(Files.readAllLines(classLog).stream().filter(l -> l.contains(" com.sun.jmx.mbeanserver.JmxMBeanServer ")))
                .as("the platform MBeanServer (made by the first JMX user, then the agent registers its MBeans)")
                .isEmpty();
    }

    @Test
    void redisTierWithJsonCodec_premainLoadsNoRedisClientNorJacksonOnTheMainThread_andTheTierStillStores()
            throws Exception {
        String prefix = SharedRedis.newPrefix();
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                redis: { url: "redis://127.0.0.1:6379", keyPrefix: "%s" }
                caches:
                  answers: { tier: two-level, ttl: 1m, localTtl: 1m, maxEntries: 100, codec: json }
                rules:
                  - name: complete
                    match:
                      type: com.example.llm.LlmClient
                      method: complete
                      params: [String, List, double, int, String]
                    cache: { use: answers, key: "#model + '|' + #messages" }
                """.formatted(prefix));
        Path classLog = dir.resolve("classes.log");
        try (ServedApp app = ServedApp.start(ChildJvm.java().agent(rules).env("DB_DELAY_MS", "0")
                .jvmArg("-Xlog:class+load=info:file=" + classLog + ":uptime,tid"))) {
            app.post("/chat", """
                    {"model":"gpt-test","messages":[{"role":"user","content":"Name a colour."}],
                     "temperature":0.2,"maxTokens":64,"requestId":"r1"}""");
            SharedRedis.awaitKeys(prefix + "answers:*", 1);
            app.shutdown();
        }

        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loadedByTheMainThread(loaded, MAIN_CLASS, true).filter(StartupIT::isRedisOrJackson))
                .as("Redis client, pool and Jackson classes the main thread loaded in premain")
                .isEmpty();
        assertThat(loaded.stream().map(ClassLoadLog::className))
                .as("the tier made its client and its JSON mapper, with Jackson's factory (on other threads, or later)")
                .contains("dev.cacheagent.shaded.redis.clients.jedis.UnifiedJedis",
                        "dev.cacheagent.shaded.jackson.databind.ObjectMapper",
                        "dev.cacheagent.shaded.jackson.core.JsonFactory");
    }

    @Test
    void ruleFileParsedInTheBackground_mainDoesNotWaitForIt_andAClassLoadedAtOnceStillGetsItsRules()
            throws Exception {
        CatalogRun run = catalogRun();

        assertThat(run.app().stdout()).as("Catalog, loaded on main's first line, cached its lookups: "
                + run.app().transcript()).containsExactly(CATALOG_CACHED);
        assertThat(loadedByTheMainThread(run.classes(), "fixture.shapes.MatchingApp", false)
                .filter(name -> name.startsWith("dev.cacheagent.shaded.snakeyaml.")))
                .as("YAML parser classes the application's main thread loaded")
                .isEmpty();
    }

    @Test
    void applicationThatNeverMakesASecureRandom_doesNotPayForOneInPremain() throws Exception {
        CatalogRun run = catalogRun();

        assertThat(run.app().stdout()).as(run.app().transcript()).containsExactly(CATALOG_CACHED);
        assertThat(indexOfLoad(run.classes(), "dev.cacheagent.launcher.AgentLauncher")).as("the agent was loaded")
                .isNotNegative();
        assertThat(run.classes().stream().map(ClassLoadLog::className))
                .as("the bridge's directory is made without a SecureRandom (its first use seeds it)")
                .doesNotContain("java.security.SecureRandom");
    }

    @Test
    void agentJar_storesTheCoresClassesUndeflated_soNoneIsInflatedWhileTheApplicationStarts() throws Exception {
        List<String> deflated = new ArrayList<>();
        int classes = 0;
        try (ZipFile jar = new ZipFile(Jars.agent().toFile())) {
            for (ZipEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith("META-INF/cache-agent/core/") && entry.getName().endsWith(".class")) {
                    classes++;
                    if (entry.getMethod() != ZipEntry.STORED) {
                        deflated.add(entry.getName());
                    }
                }
            }
        }
        assertThat(classes).as("the core's classes are in the agent jar").isGreaterThan(500);
        assertThat(deflated).as("core classes the launcher would have to inflate").isEmpty();
    }

    @Test
    void premainReadingARuleFileWithASubstitution_compilesNoRegularExpressionOnTheApplicationsMainThread()
            throws Exception {
        CatalogRun run = catalogRun();

        assertThat(run.app().stdout()).as(run.app().transcript()).containsExactly(CATALOG_CACHED);
        assertThat(loadedByTheMainThread(run.classes(), "fixture.shapes.MatchingApp", true)
                .filter(name -> name.startsWith("java.util.regex.")))
                .as("regular-expression classes the main thread loaded before the application's main (premain reads"
                        + " the file's words and substitutes ${SHAPES_TTL:1m} by hand)")
                .isEmpty();
    }

    @Test
    void eventLogWritingJsonLines_loadsNoJacksonFactoryNorGenerator() throws Exception {
        CatalogRun run = catalogRun();

        assertThat(run.app().stdout()).as(run.app().transcript()).containsExactly(CATALOG_CACHED);
        assertThat(Events.from(run.app().stderr()).named("config_loaded"))
                .as("JSON event lines: " + run.app().transcript()).hasSize(1);
        assertThat(run.classes().stream().map(ClassLoadLog::className)
                .filter(name -> name.startsWith("dev.cacheagent.shaded.jackson.core.")))
                .as("Jackson classes loaded: only the string escaper and its character tables")
                .isNotEmpty()
                .allMatch(name -> name.startsWith("dev.cacheagent.shaded.jackson.core.io.")
                        || name.startsWith("dev.cacheagent.shaded.jackson.core.util."));
    }

    /** The fixture application's output when the rule cached Catalog's lookups (one origin call, then hits). */
    private static final String CATALOG_CACHED = "lookups=1 counts=3 labels=3 finds=6 areas=3";

    /** One run of the fixture application with the rule caching Catalog's lookups, and the classes it loaded. */
    private record CatalogRun(ChildJvm app, List<String> classes) {}

    /** Made by the first test that reads it; the others read what the same run did. */
    private static CatalogRun catalogRun;

    private static synchronized CatalogRun catalogRun() throws Exception {
        if (catalogRun == null) {
            Path classLog = sharedDir.resolve("catalog-classes.log");
            ChildJvm app = runMatchingAppCachingLookupsOf(sharedDir, "fixture.shapes.Catalog", classLog);
            catalogRun = new CatalogRun(app, Files.readAllLines(classLog));
        }
        return catalogRun;
    }

    private ChildJvm runMatchingAppCachingLookupsOf(String type, Path classLog) throws Exception {
        return runMatchingAppCachingLookupsOf(dir, type, classLog);
    }

    /**
     * The fixture application with one rule caching {@code type}'s {@code lookup}, logging class loads by thread;
     * the cache's ttl is a substitution with a default, as rule files roll settings out.
     */
    private static ChildJvm runMatchingAppCachingLookupsOf(Path dir, String type, Path classLog) throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                caches:
                  shapes: { ttl: "${SHAPES_TTL:1m}", maxEntries: 100 }
                rules:
                  - name: lookups
                    match: { type: %s, method: lookup }
                    cache: { use: shapes, key: "#p0" }
                """.formatted(type));
        return ChildJvm.java().agent(rules).jvmArg("-Xlog:class+load=info:file=" + classLog + ":uptime,tid")
                .mainClass(System.getProperty("fixture.classes"), "fixture.shapes.MatchingApp").run();
    }

    @Test
    void applicationThatEndsBeforeTheAgentHasStarted_stillGetsItsEventsAtExit() throws Exception {
        ChildJvm app =
                runMatchingAppCachingLookupsOf("fixture.shapes.NotInThisApplication", dir.resolve("classes.log"));

        assertThat(app.stdout()).as(app.transcript()).containsExactly("lookups=3 counts=3 labels=3 finds=6 areas=3");
        Events events = Events.from(app.stderr());
        assertThat(events.named("agent_started")).as(app.transcript()).hasSize(1);
        assertThat(events.named("config_loaded")).as(app.transcript()).hasSize(1);
        assertThat(events.named("stats")).as("the last round of figures at exit: " + app.transcript()).isNotEmpty();
    }

    @Test
    void firstCachedCall_findsTheKeyExpressionMachineryAlreadyLoadedByTheAgentsThread() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                caches:
                  prompts: { ttl: 1m, maxEntries: 100 }
                rules:
                  - name: style-prompt
                    match: { type: com.example.preview.StylePromptService, method: getStylePrompt }
                    cache: { use: prompts, key: "#styleName.trim().toLowerCase()" }
                """);
        Path classLog = dir.resolve("classes.log");
        try (ServedApp app = ServedApp.start(ChildJvm.java().agent(rules).env("DB_DELAY_MS", "0")
                .jvmArg("-Xlog:class+load=info:file=" + classLog + ":uptime,tid"))) {
            assertThat(app.get("/prompts/neon-noir")).isNotBlank();
            assertThat(app.get("/prompts/neon-noir")).isNotBlank();
            app.shutdown();
        }

        List<String> loaded = Files.readAllLines(classLog);
        int parser = indexOfFirstLoad(loaded, "dev.cacheagent.shaded.snakeyaml.");
        int lookup = indexOfLoad(loaded, "dev.cacheagent.expression.MemberLookup");
        assertThat(parser).as("the rule file was parsed").isNotNegative();
        assertThat(lookup).as("a key expression was evaluated").isNotNegative();
        assertThat(thread(loaded.get(lookup))).as("the thread that loaded the expression's member lookup")
                .isEqualTo(thread(loaded.get(parser)));
    }



    /**
     * The classes loaded by the thread that loaded the application's main class: only those loaded before it (in
     * {@code premain}), or all.
     */
    private static Stream<String> loadedByTheMainThread(List<String> loaded, String mainClass, boolean beforeMain) {
        int main = indexOfLoad(loaded, mainClass);
        assertThat(main).as("the application's main class " + mainClass + " was loaded").isNotNegative();
        String mainThread = thread(loaded.get(main));
        return (beforeMain ? loaded.subList(0, main) : loaded).stream()
                .filter(line -> mainThread.equals(thread(line)))
                .map(ClassLoadLog::className);
    }

    private static boolean isRedisOrJackson(String className) {
        return REDIS_AND_JACKSON.stream().anyMatch(className::startsWith);
    }



    /** A rule file caching style prompts, with the admin API on {@code port}. */
    private Path promptRulesWithAdminOn(int port) throws java.io.IOException {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                agent:
                  admin: { bind: "127.0.0.1:%d" }
                caches:
                  prompts: { ttl: 1m, maxEntries: 100 }
                rules:
                  - name: style-prompt
                    match: { type: com.example.preview.StylePromptService, method: getStylePrompt }
                    cache: { use: prompts, key: "#p0" }
                """.formatted(port));
        return rules;
    }

    private static JsonNode awaitEvent(ServedApp app, String event) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> found = Events.from(app.jvm().stderr()).named(event);
            if (!found.isEmpty()) {
                assertThat(found).as(app.jvm().transcript()).hasSize(1);
                return found.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + event + " event within " + WAIT + "\n" + app.jvm().transcript());
    }
}
