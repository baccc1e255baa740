package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** config-samples/prompt-prewarm.yaml on test-app's demo workload. */
class PromptPrewarmSampleIT {
    private static final String SAMPLE = "prompt-prewarm.yaml";
    private static final String[] DEMO = {"demo", "--requests", "200", "--seed", "7"};

    private static DemoSummary withoutAgent;
    private static ChildJvm flagOn;
    private static DemoSummary flagOnSummary;

    @BeforeAll
    static void runDemos() throws Exception {
        withoutAgent = DemoSummary.withoutAgent(DEMO);
        flagOn = ChildJvm.java().agent(Jars.sample(SAMPLE)).env("ENABLE_PROMPT_CACHE", "true")
                .env("CACHE_AGENT_STATS", "1h").testApp(DEMO).run();
        flagOnSummary = DemoSummary.of(flagOn);
    }

    @Test
    void promptQueries_dropByAtLeastNinetyPercent_whenTheFlagIsOn() {
        long before = withoutAgent.json().path("promptQueries").asLong();
        long after = flagOnSummary.json().path("promptQueries").asLong();
        assertThat(before).isGreaterThan(0);
        assertThat(after).as(flagOn.transcript()).isLessThanOrEqualTo(before / 10);
        assertThat(flagOnSummary.requests()).isEqualTo(withoutAgent.requests());
        assertThat(flagOnSummary.errors()).isEqualTo(withoutAgent.errors());
    }

    @Test
    void flagOff_leavesBehaviourAndCountsExactlyAsWithoutTheAgent() throws Exception {
        ChildJvm flagOff = ChildJvm.java().agent(Jars.sample(SAMPLE)).testApp(DEMO).run();
        DemoSummary summary = DemoSummary.of(flagOff);
        summary.assertSameWorkAs(withoutAgent);
        Events events = Events.from(flagOff.stderr());
        assertThat(events.named("hit")).isEmpty();
        assertThat(events.named("rule_applied"))
                .noneMatch(e -> e.path("rule").asText().equals("style-prompt"));
    }

    @Test
    void hitRate_isAboveSeventyPercent_onTheRepeatedWorkload() {
        Events events = Events.from(flagOn.stderr());
        long hits = events.named("hit", "prompt-cache").stream().filter(e -> e.path("rule").asText().equals("style-prompt")).count();
        long misses = events.named("miss", "prompt-cache").stream().filter(e -> e.path("rule").asText().equals("style-prompt")).count();
        assertThat(hits + misses).as(flagOn.transcript()).isGreaterThan(0);
        assertThat((double) hits / (hits + misses)).isGreaterThan(0.7);
    }

    @Test
    void promptCacheEvents_carryAgeSourceAndOriginTime() {
        Events events = Events.from(flagOn.stderr());
        List<JsonNode> hits = events.named("hit", "prompt-cache");
        assertThat(hits).as(flagOn.transcript()).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.path("rule").asText()).isIn("style-prompt", "preview-render");
            assertThat(hit.has("ageMs")).isTrue();
            assertThat(hit.path("source").asText()).isIn("origin", "warmup");
            assertThat(hit.path("tier").asText()).isEqualTo("local");
            assertThat(hit.path("method").asText()).contains("#");
        });
        assertThat(events.named("miss", "prompt-cache")).isNotEmpty()
                .allSatisfy(miss -> assertThat(miss.has("originMs")).isTrue());
        assertThat(events.named("hit", "prompt-cache"))
                .filteredOn(e -> e.path("rule").asText().equals("style-prompt"))
                .allSatisfy(e -> assertThat(e.path("key").asText()).isEqualTo(e.path("key").asText().trim().toLowerCase()));
    }

    @Test
    void topStyles_areWarmedAtMostOnce_andNeverMissAfterwards() {
        Events events = Events.from(flagOn.stderr());
        List<JsonNode> lines = events.where(e -> e.path("rule").asText().equals("style-prompt"));
        List<String> warmed = events.named("warmup_populate", "prompt-cache").stream()
                .map(e -> e.path("key").asText()).toList();
        // A warm-up skips a style that a request loaded first, so some of the five may not be warmed.
        assertThat(warmed).as(flagOn.transcript()).doesNotHaveDuplicates()
                .isSubsetOf("neon-noir", "watercolor-dreams", "classic-oil-painting", "pixel-art", "pop-art");
        assertThat(events.named("warmup_error")).isEmpty();
        for (String style : warmed) {
            int populated = indexOf(lines, "warmup_populate", style);
            List<JsonNode> after = lines.subList(populated + 1, lines.size()).stream()
                    .filter(e -> e.path("key").asText().equals(style)).toList();
            assertThat(after).as(style).noneMatch(e -> e.path("event").asText().equals("miss"))
                    .allSatisfy(e -> assertThat(e.path("source").asText()).isEqualTo("warmup"));
        }
    }

    private static int indexOf(List<JsonNode> lines, String event, String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).path("event").asText().equals(event) && lines.get(i).path("key").asText().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no " + event + " for " + key);
    }

    @Test
    void previewMetrics_writeOneLinePerPreviewRequest_withItsBreakdown() {
        Events events = Events.from(flagOn.stderr());
        List<JsonNode> lines = events.named("call", "preview-metrics").stream()
                .filter(e -> e.path("rule").asText().equals("preview-request")).toList();
        assertThat(lines).as(flagOn.transcript()).hasSize((int) flagOnSummary.requests());
        JsonNode sample = lines.get(lines.size() - 1);
        assertThat(sample.has("durationMs")).isTrue();
        assertThat(sample.path("style").asText()).isNotEmpty();
        JsonNode nested = sample.path("nested");
        assertThat(nested.path("prompt-fetch").path("count").asInt()).isEqualTo(1);
        assertThat(nested.path("provider-call").path("count").asInt()).isEqualTo(1);
        assertThat(nested.path("style-prompt").path("hits").asInt() + nested.path("style-prompt").path("misses").asInt())
                .isEqualTo(1);
        assertThat(nested.path("provider-call").has("ms")).isTrue();
    }

    @Test
    void stylesWithEmptyPrompts_areNeverStored() {
        // "original" has an empty prompt: every request for it goes to the database. Concurrent requests
        // may share one in-flight query (single flight: their hit has ageMs 0), but none is ever served
        // from a stored entry.
        Events events = Events.from(flagOn.stderr());
        assertThat(events.named("miss", "prompt-cache"))
                .filteredOn(e -> e.path("key").asText().equals("original")).hasSizeGreaterThan(1);
        assertThat(events.named("hit", "prompt-cache"))
                .filteredOn(e -> e.path("key").asText().equals("original"))
                .allSatisfy(e -> assertThat(e.path("ageMs").asDouble()).isZero());
    }
}
