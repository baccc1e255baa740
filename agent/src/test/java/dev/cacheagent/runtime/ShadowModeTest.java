package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.log;
import static dev.cacheagent.runtime.TestRules.method;
import static dev.cacheagent.runtime.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code mode: shadow}: look up and report, but always call the original method. */
class ShadowModeTest {
    private static final MethodInfo GET_PROMPT = method("java.lang.String", "java.lang.String style");

    private final Harness h = Harness.of(rule("prompt").cache("prompts").shadow().log(log("prompt-cache")).build());
    private final int site = h.bind(GET_PROMPT, "prompt");
    private final AtomicInteger originCalls = new AtomicInteger();

    private Harness.Body origin(Object value) {
        return () -> {
            originCalls.incrementAndGet();
            return value;
        };
    }

    @Test
    void cachedValue_theOriginalStillRunsAndItsValueIsReturned() throws Throwable {
        h.call(site, origin("oil"), "classic");

        Object value = h.call(site, origin("fresh oil"), "classic");

        assertThat(value).isEqualTo("fresh oil");
        assertThat(originCalls).hasValue(2);
    }

    @Test
    void cachedValueEqualToTheFreshOne_shadowHitMatches() throws Throwable {
        h.call(site, origin("oil"), "classic");

        h.call(site, origin("oil"), "classic");

        assertThat(h.events.only("shadow_hit").attributes()).containsEntry("match", true);
    }

    @Test
    void cachedValueDifferentFromTheFreshOne_shadowHitDoesNotMatch() throws Throwable {
        h.call(site, origin("oil"), "classic");

        h.call(site, origin("fresh oil"), "classic");

        assertThat(h.events.only("shadow_hit").attributes()).containsEntry("match", false);
    }

    @Test
    void miss_storesTheFreshValue() throws Throwable {
        h.call(site, origin("oil"), "classic");

        assertThat(h.runtime.cache("prompts").get("classic").value()).isEqualTo("oil");
        assertThat(h.events.names()).containsExactly("miss");
    }

    @Test
    void shadowHit_countsAsAHitInTheMetrics() throws Throwable {
        h.call(site, origin("oil"), "classic");

        h.call(site, origin("oil"), "classic");

        var snapshot = h.runtime.ruleMetrics().get("prompt").snapshot();
        assertThat(snapshot.hits()).isEqualTo(1);
        assertThat(snapshot.misses()).isEqualTo(1);
    }

    @Test
    void shadowHit_neverReturnsTheCachedValueFromEnter() throws Throwable {
        h.call(site, origin("oil"), "classic");

        Object context = h.runtime.enter(site, null, new Object[] {"classic"});

        assertThat(context).isNotNull().isNotInstanceOf(dev.cacheagent.bootstrap.Hit.class);
        h.runtime.exit(site, context, "oil", null);
    }
}
