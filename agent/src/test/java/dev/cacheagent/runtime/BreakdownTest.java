package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.log;
import static dev.cacheagent.runtime.TestRules.methodOf;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.observe.Event;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code log.breakdown: true}: one line per request with the calls made inside it (SPEC §6). */
class BreakdownTest {
    private static final MethodInfo PREVIEW = methodOf("com.example.PreviewService", "preview", "java.lang.String",
            "java.lang.String", "java.lang.String style");
    private static final MethodInfo GET_PROMPT = methodOf("com.example.PromptService", "getStylePrompt",
            "java.lang.String", "java.lang.String", "java.lang.String style");
    private static final MethodInfo GENERATE = methodOf("com.example.ReplicateService", "generate", "java.lang.String",
            "java.lang.String", "java.lang.String prompt");

    private final Harness h = Harness.of(
            rule("preview").log(log("preview-metrics", l -> l.breakdown())).build(),
            rule("prompt").cache("prompts").build(),
            rule("provider").log(log("provider", l -> l.events("fetch_error"))).build());
    private final int preview = h.bind(PREVIEW, "preview");
    private final int prompt = h.bind(GET_PROMPT, "prompt");
    private final int provider = h.bind(GENERATE, "provider");

    private Harness.Body taking(Duration time, Object value) {
        return () -> {
            h.clock.advance(time);
            return value;
        };
    }

    /** A preview: fetches the prompt twice (a miss then a hit) and calls the provider once. */
    private Object previewRequest(String style) throws Throwable {
        return h.call(preview, () -> {
            Object text = h.call(prompt, taking(Duration.ofMillis(80), "prompt for " + style), style);
            h.call(prompt, taking(Duration.ofMillis(80), "never"), style);
            return h.call(provider, taking(Duration.ofMillis(300), "image of " + text), text);
        }, style);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> nested(Event event) {
        return (Map<String, Map<String, Object>>) event.attributes().get("nested");
    }

    @Test
    void breakdownCall_carriesEachRuleCalledInsideItInFirstCallOrder() throws Throwable {
        previewRequest("classic");

        Map<String, Map<String, Object>> nested = nested(h.events.only("call"));
        assertThat(nested).containsOnlyKeys("prompt", "provider");
        assertThat(nested.keySet()).containsExactly("prompt", "provider");
    }

    @Test
    void breakdownCall_countsCallsTimeHitsAndMissesPerRule() throws Throwable {
        previewRequest("classic");

        Map<String, Map<String, Object>> nested = nested(h.events.only("call"));
        assertThat(nested.get("prompt")).containsEntry("count", 2L).containsEntry("ms", 80.0)
                .containsEntry("hits", 1L).containsEntry("misses", 1L);
        assertThat(nested.get("provider")).containsEntry("count", 1L).containsEntry("ms", 300.0)
                .containsEntry("hits", 0L).containsEntry("misses", 0L);
    }

    @Test
    void breakdownCall_totalDurationIsTheWholeRequest() throws Throwable {
        previewRequest("classic");

        assertThat(h.events.only("call").durationMs()).isEqualTo(380.0);
    }

    @Test
    void breakdownCall_withNothingInside_stillWritesItsLine() throws Throwable {
        h.call(preview, () -> "cached elsewhere", "classic");

        assertThat(nested(h.events.only("call"))).isEmpty();
    }

    @Test
    void callsAtAnyDepth_areCounted() throws Throwable {
        MethodInfo render = methodOf("com.example.PreviewService", "render", "java.lang.String", "java.lang.String",
                "java.lang.String style");
        Harness deep = Harness.of(rule("preview").log(log("preview-metrics", l -> l.breakdown())).build(),
                rule("render").build(), rule("provider").build());
        int outer = deep.bind(PREVIEW, "preview");
        int middle = deep.bind(render, "render");
        int inner = deep.bind(GENERATE, "provider");

        deep.call(outer, () -> deep.call(middle, () -> deep.call(inner, () -> "image", "p"), "s"), "s");

        assertThat(nested(deep.events.only("call"))).containsOnlyKeys("render", "provider");
    }

    @Test
    void callsAfterTheBreakdownCallEnded_areNotCounted() throws Throwable {
        previewRequest("classic");
        h.call(provider, () -> "later image", "text");

        Map<String, Map<String, Object>> nested = nested(h.events.only("call"));
        assertThat(nested.get("provider")).containsEntry("count", 1L);
    }

    @Test
    void rulesWithoutBreakdown_carryNoNestedField() throws Throwable {
        Harness plain = Harness.of(rule("provider").log(log("provider")).build());
        int site = plain.bind(GENERATE, "provider");

        plain.call(site, () -> "image", "p");

        assertThat(plain.events.only("call").attributes()).doesNotContainKey("nested");
    }
}
