package dev.cacheagent.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final Duration OPEN_FOR = Duration.ofSeconds(5);

    private long now = 1_000;
    private final CircuitBreaker breaker = new CircuitBreaker(3, OPEN_FOR, () -> now);

    private void advance(Duration duration) {
        now += duration.toNanos();
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            breaker.failed();
        }
    }

    @Test
    void allows_whileFailuresStayBelowTheThreshold() {
        fail(2);

        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void failed_thirdFailureInARow_opensTheBreaker() {
        fail(2);

        assertThat(breaker.failed()).isEqualTo(CircuitBreaker.Change.OPENED);
        assertThat(breaker.allows()).isFalse();
    }

    @Test
    void succeeded_betweenFailures_startsTheCountAgain() {
        fail(2);
        breaker.succeeded();
        fail(2);

        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void allows_nothingUntilOpenForHasPassed() {
        fail(3);
        advance(OPEN_FOR.minusMillis(1));

        assertThat(breaker.allows()).isFalse();
    }

    @Test
    void allows_exactlyOneProbeOnceOpenForHasPassed() {
        fail(3);
        advance(OPEN_FOR);

        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.allows()).as("a second caller while the probe runs").isFalse();
    }

    @Test
    void succeeded_probe_closesTheBreaker() {
        fail(3);
        advance(OPEN_FOR);
        breaker.allows();

        assertThat(breaker.succeeded()).isEqualTo(CircuitBreaker.Change.CLOSED);
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void failed_probe_keepsTheBreakerOpenForAnotherOpenFor() {
        fail(3);
        advance(OPEN_FOR);
        breaker.allows();

        assertThat(breaker.failed()).isEqualTo(CircuitBreaker.Change.NONE);
        advance(OPEN_FOR.minusMillis(1));
        assertThat(breaker.allows()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(breaker.allows()).as("the next probe").isTrue();
    }

    @Test
    void succeeded_whileClosed_changesNothing() {
        assertThat(breaker.succeeded()).isEqualTo(CircuitBreaker.Change.NONE);
    }

    @Test
    void closedAgain_needsTheFullThresholdToOpen() {
        fail(3);
        advance(OPEN_FOR);
        breaker.allows();
        breaker.succeeded();

        fail(2);

        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void allows_worksAcrossAWrappingNanoClock() {
        now = Long.MAX_VALUE - OPEN_FOR.toNanos() / 2;
        fail(3);
        advance(OPEN_FOR);

        assertThat(breaker.allows()).isTrue();
    }
}
