package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.log;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.cache.CacheEntry;
import dev.cacheagent.observe.Event;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code warmup}: argument lists loaded once, in the background, after the method's first call. */
class WarmupTest {
    private final AtomicInteger loads = new AtomicInteger();
    private Harness h;

    @AfterEach
    void stopLoaderThreads() {
        h.runtime.close();
    }

    private LiveFixtures.PromptService service(TestRules.RuleBuilder rule, Function<String, Object> origin) {
        h = Harness.of(rule.log(log("prompt-cache")).build());
        return new LiveFixtures.PromptService(h.runtime, h.bind(LiveFixtures.GET, "prompt"), origin);
    }

    private LiveFixtures.PromptService service(List<?>... warmup) {
        return service(rule("prompt").cache("prompts").warmup(warmup), this::prompt);
    }

    private Object prompt(String style) {
        loads.incrementAndGet();
        return "prompt of " + style;
    }

    @Test
    void firstCall_returnsWithoutWaitingForTheWarmup() throws Throwable {
        CountDownLatch release = new CountDownLatch(1);
        LiveFixtures.PromptService service = service(rule("prompt").cache("prompts").warmup(List.of("oil")),
                style -> {
                    if (style.equals("oil")) {
                        await(release);
                    }
                    return prompt(style);
                });

        String first = service.get("neon");

        assertThat(first).isEqualTo("prompt of neon");
        release.countDown();
        h.events.await("warmup_populate", 1);
    }

    @Test
    void firstCall_loadsEveryArgumentListOnTheWarmupThread() throws Throwable {
        LiveFixtures.PromptService service = service(List.of("oil"), List.of("watercolor"));

        service.get("neon");

        List<Event> populated = h.events.await("warmup_populate", 2);
        assertThat(populated).extracting(Event::key).containsExactly("oil", "watercolor");
        assertThat(populated).extracting(Event::source).containsOnly("warmup");
        assertThat(service.originThreads).containsExactly("main", "cache-agent-warmup", "cache-agent-warmup");
    }

    @Test
    void warmedKey_isAHitMarkedAsWarmup() throws Throwable {
        LiveFixtures.PromptService service = service(List.of("oil"));
        service.get("neon");
        h.events.await("warmup_populate", 1);

        String value = service.get("oil");

        assertThat(value).isEqualTo("prompt of oil");
        assertThat(loads).hasValue(2);
        assertThat(h.events.named("hit")).singleElement().extracting(Event::source).isEqualTo("warmup");
    }

    @Test
    void warmup_runsOnceWhateverTheNumberOfCalls() throws Throwable {
        LiveFixtures.PromptService service = service(List.of("oil"));
        service.get("neon");
        h.events.await("warmup_populate", 1);
        h.runtime.cache("prompts").invalidate("oil");

        service.get("neon");
        service.get("pixel");

        assertThat(service.originThreads).containsExactly("main", "cache-agent-warmup", "main");
    }

    @Test
    void warmup_neverOverwritesAFresherEntry() throws Throwable {
        LiveFixtures.PromptService service = service(List.of("neon"), List.of("oil"));

        service.get("neon");

        h.events.await("warmup_populate", 1);
        assertThat(h.events.named("warmup_populate")).extracting(Event::key).containsExactly("oil");
        CacheEntry neon = h.runtime.cache("prompts").get("neon");
        assertThat(neon.source()).isEqualTo(CacheEntry.Source.ORIGIN);
    }

    @Test
    void warmup_storesUnderTheRulesKey() throws Throwable {
        LiveFixtures.PromptService service = service(rule("prompt")
                .cache("prompts", "#style.trim().toLowerCase()", null, null, false).warmup(List.of("  Oil ")),
                this::prompt);

        service.get("neon");

        assertThat(h.events.await("warmup_populate", 1).get(0).key()).isEqualTo("oil");
        assertThat(h.runtime.cache("prompts").get("oil").value()).isEqualTo("prompt of   Oil ");
    }

    @Test
    void warmup_argumentsTheConditionRefuses_areAWarmupErrorAndNotLoaded() throws Throwable {
        LiveFixtures.PromptService service = service(rule("prompt")
                .cache("prompts", null, "#style.length() > 3", null, false).warmup(List.of("oil")), this::prompt);

        service.get("neon");

        Event error = h.events.await("warmup_error", 1).get(0);
        assertThat(error.reason()).isEqualTo("the rule's condition is false for these arguments");
        assertThat(loads).hasValue(1);
    }

    @Test
    void warmup_resultTheUnlessRefuses_isAWarmupErrorAndNotStored() throws Throwable {
        LiveFixtures.PromptService service = service(rule("prompt")
                .cache("prompts", null, null, "#result.contains('oil')", false).warmup(List.of("oil")),
                this::prompt);

        service.get("neon");

        assertThat(h.events.await("warmup_error", 1).get(0).reason()).contains("unless");
        assertThat(h.runtime.cache("prompts").get("oil")).isNull();
    }

    @Test
    void warmup_originThrows_isAWarmupErrorWithTheException() throws Throwable {
        LiveFixtures.PromptService service = service(rule("prompt").cache("prompts").warmup(List.of("oil")),
                style -> {
                    if (style.equals("oil")) {
                        throw new IllegalStateException("no such style table");
                    }
                    return prompt(style);
                });

        service.get("neon");

        assertThat(h.events.await("warmup_error", 1).get(0).error())
                .isEqualTo("java.lang.IllegalStateException: no such style table");
    }

    @Test
    void warmup_usesTheReceiverOfTheFirstCall() throws Throwable {
        LiveFixtures.PromptService service = service(List.of("oil"));

        service.get("neon");
        h.events.await("warmup_populate", 1);

        assertThat(loads).hasValue(2);
        assertThat(service.originThreads).contains("cache-agent-warmup");
    }

    @Test
    void warmup_ofAStaticMethod_findsItsClassFromTheCall() throws Throwable {
        h = Harness.of(rule("prompt").cache("prompts").warmup(List.of("oil")).log(log("prompt-cache")).build());
        LiveFixtures.PromptService target = new LiveFixtures.PromptService(h.runtime,
                h.bind(LiveFixtures.LOOKUP, "prompt"), this::prompt);
        LiveFixtures.StaticPrompts.TARGET.set(target);

        LiveFixtures.StaticPrompts.lookup("neon");

        assertThat(h.events.await("warmup_populate", 1).get(0).key()).isEqualTo("oil");
        assertThat(target.originThreads).containsExactly("main", "cache-agent-warmup");
    }

    @Test
    void bind_argumentListThatCannotFit_isARuleErrorAndTheMethodIsStillCached() {
        h = Harness.of(rule("prompt").cache("prompts").warmup(List.of("oil", "extra"), List.of("watercolor"))
                .log(log("prompt-cache")).build());

        Binding binding = h.tryBind(LiveFixtures.GET, "prompt");

        assertThat(binding).isInstanceOf(Binding.Bound.class);
        assertThat(h.events.only("rule_error").reason()).startsWith("warmup[0] has 2 argument(s) but "
                + LiveFixtures.GET.displayName() + " takes 1 (java.lang.String style)");
    }

    @Test
    void warmup_argumentListThatCannotFit_isLeftOutAndTheOthersAreLoaded() throws Throwable {
        LiveFixtures.PromptService service = service(List.of("oil", "extra"), List.of("watercolor"));

        service.get("neon");

        assertThat(h.events.await("warmup_populate", 1)).extracting(Event::key).containsExactly("watercolor");
        assertThat(loads).hasValue(2);
    }

    @Test
    void warmup_ruleSwitchedOffBeforeItRuns_loadsNothing() throws Throwable {
        LiveFixtures.PromptService service = service(rule("prompt").cache("prompts").warmup(List.of("oil")),
                style -> {
                    // Switched off while the first call runs, so before its warm-up is even queued.
                    h.runtime.enableRule("prompt", false);
                    return prompt(style);
                });

        service.get("neon");

        assertThat(h.events.await("warmup_error", 1).get(0).reason()).contains("switched off");
        assertThat(h.runtime.cache("prompts").get("oil")).isNull();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the test's latch was not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
