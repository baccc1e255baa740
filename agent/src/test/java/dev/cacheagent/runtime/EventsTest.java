package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.log;
import static dev.cacheagent.runtime.TestRules.method;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cacheagent.cache.KeyText;
import dev.cacheagent.observe.Event;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-call events and their fields, as each rule's {@code log} section asks (SPEC §6). */
class EventsTest {
    private static final MethodInfo GET_PROMPT = method("java.lang.String", "java.lang.String style");

    private static Harness.Body taking(Harness h, Duration time, Object value) {
        return () -> {
            h.clock.advance(time);
            return value;
        };
    }

    @Test
    void miss_carriesWhereItCameFromAndHowLongTheCallAndTheMethodTook() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").log(log("prompt-cache")).build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, taking(h, Duration.ofMillis(80), "oil"), "classic");

        Event miss = h.events.only("miss");
        assertThat(miss.channel()).isEqualTo("prompt-cache");
        assertThat(miss.rule()).isEqualTo("prompt");
        assertThat(miss.cache()).isEqualTo("prompts");
        assertThat(miss.method()).isEqualTo("com.example.PromptService#get");
        assertThat(miss.key()).isEqualTo("classic");
        assertThat(miss.durationMs()).isEqualTo(80.0);
        assertThat(miss.originMs()).isEqualTo(80.0);
    }

    @Test
    void hit_carriesTierSourceAndAgeOfTheEntry() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").log(log("prompt-cache")).build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, () -> "oil", "classic");

        h.clock.advance(Duration.ofMillis(234));
        h.call(site, () -> "other", "classic");

        Event hit = h.events.only("hit");
        assertThat(hit.tier()).isEqualTo("local");
        assertThat(hit.source()).isEqualTo("origin");
        assertThat(hit.ageMs()).isEqualTo(234.0);
        assertThat(hit.key()).isEqualTo("classic");
        assertThat(hit.durationMs()).isZero();
    }

    @Test
    void fetchError_carriesTheExceptionClassAndMessage() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").log(log("prompt-cache")).build());
        int site = h.bind(GET_PROMPT, "prompt");

        catchThrowable(() -> h.call(site, () -> {
            throw new IllegalStateException("database down");
        }, "classic"));

        assertThat(h.events.only("fetch_error").error()).isEqualTo("java.lang.IllegalStateException: database down");
    }

    @Test
    void ruleWithoutLog_writesNoPerCallEvents() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, () -> "oil", "classic");
        h.call(site, () -> "oil", "classic");

        assertThat(h.events.all()).isEmpty();
    }

    @Test
    void eventsList_writesOnlyTheListedEvents() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").log(log("prompt-cache", l -> l.events("miss"))).build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, () -> "oil", "classic");
        h.call(site, () -> "oil", "classic");

        assertThat(h.events.names()).containsExactly("miss");
    }

    @Test
    void slowerThan_leavesOutFasterCalls() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts")
                .log(log("prompt-cache", l -> l.slowerThan(Duration.ofMillis(50)))).build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, taking(h, Duration.ofMillis(49), "fast"), "a");
        h.call(site, taking(h, Duration.ofMillis(50), "slow"), "b");

        assertThat(h.events.named("miss")).extracting(Event::key).containsExactly("b");
    }

    @Test
    void slowerThan_stillWritesErrors() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts")
                .log(log("prompt-cache", l -> l.slowerThan(Duration.ofSeconds(1)))).build());
        int site = h.bind(GET_PROMPT, "prompt");

        catchThrowable(() -> h.call(site, () -> {
            throw new IllegalStateException("fast failure");
        }, "classic"));

        assertThat(h.events.names()).containsExactly("fetch_error");
    }

    @Test
    void sampleZero_writesNoCallsButStillWritesErrors() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").log(log("prompt-cache", l -> l.sample(0))).build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, () -> "oil", "classic");
        h.call(site, () -> "oil", "classic");
        catchThrowable(() -> h.call(site, () -> {
            throw new IllegalStateException("failure");
        }, "other"));

        assertThat(h.events.names()).containsExactly("fetch_error");
    }

    @Test
    void sampleOne_writesEveryCall() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").log(log("prompt-cache", l -> l.sample(1))).build());
        int site = h.bind(GET_PROMPT, "prompt");

        for (int i = 0; i < 20; i++) {
            h.call(site, () -> "oil", "classic");
        }

        assertThat(h.events.all()).hasSize(20);
    }

    @Test
    void fields_areEvaluatedAfterTheCallWithTheResult() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts")
                .log(log("prompt-cache", l -> l.field("style", "#style").field("length", "#result.length()"))).build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, () -> "oil", "classic");

        assertThat(h.events.only("miss").attributes()).containsEntry("style", "classic").containsEntry("length", 3);
    }

    @Test
    void fields_onAHit_seeTheCachedValueAsResult() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts")
                .log(log("prompt-cache", l -> l.events("hit").field("length", "#result.length()"))).build());
        int site = h.bind(GET_PROMPT, "prompt");
        h.call(site, () -> "oil", "classic");

        h.call(site, () -> "other", "classic");

        assertThat(h.events.only("hit").attributes()).containsEntry("length", 3);
    }

    @Test
    void fields_oneThatThrows_isLeftOutAndTheOthersStay() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts")
                .log(log("prompt-cache", l -> l.field("length", "#result.length()").field("style", "#style"))).build());
        int site = h.bind(GET_PROMPT, "prompt");

        h.call(site, () -> null, "classic");

        assertThat(h.events.only("miss").attributes()).containsOnlyKeys("style");
    }

    @Test
    void secretLikeParameter_eventsCarryAKeyHashInsteadOfTheKey() throws Throwable {
        Harness h = Harness.of(rule("session").cache("prompts").log(log("auth")).build());
        int site = h.bind(method("java.lang.String", "java.lang.String user", "java.lang.String apiKey"), "session");

        h.call(site, () -> "session", "alice", "s3cr3t");

        Event miss = h.events.only("miss");
        assertThat(miss.key()).isNull();
        assertThat(miss.keyHash()).hasSize(16).isEqualTo(KeyText.hashOf(
                dev.cacheagent.cache.CompositeKey.ofArguments(new Object[] {"alice", "s3cr3t"})));
        assertThat(miss.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void compositeKey_isWrittenAsItsPartsJoinedWithColons() throws Throwable {
        Harness h = Harness.of(rule("scene").cache("scenes").log(log("scenes")).build());
        int site = h.bind(method("java.lang.String", "java.lang.String project", "int scene"), "scene");

        h.call(site, () -> "scene", "p:1", 42);

        assertThat(h.events.only("miss").key()).isEqualTo("p\\:1:42");
    }

    @Test
    void ruleWithoutCache_writesACallEventWithItsDuration() throws Throwable {
        Harness h = Harness.of(rule("provider").log(log("preview-metrics")).build());
        int site = h.bind(GET_PROMPT, "provider");

        h.call(site, taking(h, Duration.ofMillis(300), "image"), "classic");

        Event call = h.events.only("call");
        assertThat(call.channel()).isEqualTo("preview-metrics");
        assertThat(call.durationMs()).isEqualTo(300.0);
        assertThat(call.key()).isNull();
        assertThat(call.cache()).isNull();
    }

    @Test
    void ruleWithoutCache_methodThrows_writesAFetchError() throws Throwable {
        Harness h = Harness.of(rule("provider").log(log("preview-metrics")).build());
        int site = h.bind(GET_PROMPT, "provider");

        catchThrowable(() -> h.call(site, () -> {
            throw new IllegalStateException("provider down");
        }, "classic"));

        assertThat(h.events.names()).containsExactly("fetch_error");
    }

    @Test
    void everyRuleOnAMethod_writesItsOwnEvent() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").log(log("prompt-cache")).build(),
                rule("timing").log(log("preview-metrics")).build());
        int site = h.bind(GET_PROMPT, "prompt", "timing");

        h.call(site, () -> "oil", "classic");
        h.call(site, () -> "oil", "classic");

        assertThat(h.events.all()).extracting(Event::event, Event::channel).containsExactly(
                org.assertj.core.groups.Tuple.tuple("miss", "prompt-cache"),
                org.assertj.core.groups.Tuple.tuple("call", "preview-metrics"),
                org.assertj.core.groups.Tuple.tuple("hit", "prompt-cache"),
                org.assertj.core.groups.Tuple.tuple("call", "preview-metrics"));
    }

    @Test
    void timingRuleNextToACachingRule_isTimedOnHitsToo() throws Throwable {
        Harness h = Harness.of(rule("prompt").cache("prompts").build(),
                rule("timing").log(log("preview-metrics")).build());
        int site = h.bind(GET_PROMPT, "prompt", "timing");

        h.call(site, () -> "oil", "classic");
        h.call(site, () -> "oil", "classic");

        assertThat(h.runtime.ruleMetrics().get("timing").snapshot().calls()).isEqualTo(2);
    }
}
