package dev.cacheagent.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventRateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong clock = new AtomicLong(123_456_789L);
    private final EventRateLimiter limiter = new EventRateLimiter(clock::get);

    @Test
    void admit_letsTheFirstEventOfAKeyThrough() {
        assertThat(limiter.admit("prompts")).isEqualTo(1);
    }

    @Test
    void admit_holdsBackFurtherEventsWithinTheSecond() {
        limiter.admit("prompts");
        clock.addAndGet(SECOND - 1);

        assertThat(limiter.admit("prompts")).isZero();
    }

    @Test
    void admit_afterTheSecond_countsTheHeldBackOccurrences() {
        limiter.admit("prompts");
        limiter.admit("prompts");
        limiter.admit("prompts");
        clock.addAndGet(SECOND);

        assertThat(limiter.admit("prompts")).isEqualTo(3);
    }

    @Test
    void admit_startsCountingAfreshAfterAnEventWasLetThrough() {
        limiter.admit("prompts");
        limiter.admit("prompts");
        clock.addAndGet(SECOND);
        limiter.admit("prompts");
        clock.addAndGet(SECOND);

        assertThat(limiter.admit("prompts")).isEqualTo(1);
    }

    @Test
    void admit_limitsEachKeySeparately() {
        limiter.admit("prompts");

        assertThat(limiter.admit("scenes")).isEqualTo(1);
    }

    @Test
    void admit_measuresTheIntervalFromTheLastEventLetThrough() {
        limiter.admit("prompts");
        clock.addAndGet(SECOND + SECOND / 2);
        limiter.admit("prompts");
        clock.addAndGet(SECOND / 2);

        assertThat(limiter.admit("prompts")).isZero();
    }

    @Test
    void admit_honoursACustomInterval() {
        EventRateLimiter perMinute = new EventRateLimiter(Duration.ofMinutes(1), clock::get);
        perMinute.admit("rule#method");
        clock.addAndGet(30 * SECOND);
        perMinute.admit("rule#method");
        clock.addAndGet(30 * SECOND);

        assertThat(perMinute.admit("rule#method")).isEqualTo(2);
    }

    @Test
    void admit_worksAcrossAClockThatWrapsPastLongMaxValue() {
        clock.set(Long.MAX_VALUE - SECOND / 2);
        limiter.admit("prompts");
        clock.addAndGet(SECOND);

        assertThat(limiter.admit("prompts")).isEqualTo(1);
    }
}
