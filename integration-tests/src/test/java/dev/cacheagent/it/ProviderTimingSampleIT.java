package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** config-samples/provider-timing.yaml: timing and logging only, slow calls flagged, nothing cached. */
class ProviderTimingSampleIT {
    private static final String[] DEMO = {"demo", "--requests", "60", "--seed", "11"};

    @Test
    void slowCalls_areLogged_andNothingIsCached() throws Exception {
        DemoSummary plain = DemoSummary.withoutAgent(DEMO);
        ChildJvm app = ChildJvm.java().agent(Jars.sample("provider-timing.yaml"))
                .env("PROVIDER_DELAY_MS", "40").env("PROVIDER_SLOW_MS", "30").testApp(DEMO).run();

        DemoSummary summary = DemoSummary.of(app);
        summary.assertSameWorkAs(plain);
        Events events = Events.from(app.stderr());
        assertThat(events.named("call", "preview-metrics")).as(app.transcript()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("durationMs").asDouble()).isGreaterThanOrEqualTo(30));
        assertThat(events.named("hit")).isEmpty();
        assertThat(events.named("miss")).isEmpty();
    }

    @Test
    void fastCalls_underTheThreshold_writeNothing() throws Exception {
        ChildJvm app = ChildJvm.java().agent(Jars.sample("provider-timing.yaml"))
                .env("PROVIDER_DELAY_MS", "1").env("PROVIDER_SLOW_MS", "5000").testApp(DEMO).run();

        Events events = Events.from(app.stderr());
        assertThat(events.named("rule_applied")).as(app.transcript()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(events.named("call")).isEmpty();
    }
}
