package dev.cacheagent.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RuleMetricsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long US = TimeUnit.MICROSECONDS.toNanos(1);

    private final RuleMetrics metrics = new RuleMetrics("style-prompt", "prompts", 0.05);

    @Test
    void snapshot_countsHitsMissesLoadsAndErrors() {
        metrics.recordHit(5 * US);
        metrics.recordHit(5 * US);
        metrics.recordMiss(80 * MS, 79 * MS);
        metrics.recordOriginError(3 * MS, 2 * MS);
        metrics.recordCall(1 * MS);

        RuleSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.rule()).isEqualTo("style-prompt");
        assertThat(snapshot.cache()).isEqualTo("prompts");
        assertThat(snapshot.hits()).isEqualTo(2);
        assertThat(snapshot.misses()).isEqualTo(2);
        assertThat(snapshot.loads()).isEqualTo(1);
        assertThat(snapshot.loadErrors()).isEqualTo(1);
        assertThat(snapshot.calls()).isEqualTo(1);
        assertThat(snapshot.fetchErrors()).isEqualTo(1);
    }

    @Test
    void countHit_countsAHitWithoutALatency() {
        metrics.recordHit(10 * US);
        metrics.countHit();
        metrics.countHit();

        RuleSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.hits()).isEqualTo(3);
        assertThat(snapshot.hitP50Ms()).isCloseTo(0.010, withinPercentage(0.1));
    }

    @Test
    void snapshot_percentilesOfHitsFromKnownRecordings() {
        for (int i = 1; i <= 100; i++) {
            metrics.recordHit(i * US);
        }

        RuleSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.hitP50Ms()).isCloseTo(0.050, withinPercentage(0.1));
        assertThat(snapshot.hitP95Ms()).isCloseTo(0.095, withinPercentage(0.1));
        assertThat(snapshot.hitP99Ms()).isCloseTo(0.099, withinPercentage(0.1));
    }

    @Test
    void snapshot_percentilesOfMissesFromKnownRecordings() {
        for (int i = 1; i <= 1000; i++) {
            metrics.recordMiss(i * MS, i * MS);
        }

        RuleSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.missP50Ms()).isCloseTo(500, withinPercentage(0.1));
        assertThat(snapshot.missP95Ms()).isCloseTo(950, withinPercentage(0.1));
        assertThat(snapshot.missP99Ms()).isCloseTo(990, withinPercentage(0.1));
    }

    @Test
    void snapshot_percentilesOfPlainCalls() {
        for (int i = 1; i <= 100; i++) {
            metrics.recordCall(i * MS);
        }

        RuleSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.callP50Ms()).isCloseTo(50, withinPercentage(0.1));
        assertThat(snapshot.callP99Ms()).isCloseTo(99, withinPercentage(0.1));
    }

    @Test
    void snapshot_subMicrosecondHitsKeepTheirPrecision() {
        metrics.recordHit(400);

        assertThat(metrics.snapshot().hitP50Ms()).isCloseTo(0.0004, within(0.000001));
    }

    @Test
    void snapshot_percentilesAreNaNWhenNothingWasRecorded() {
        RuleSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.hitP50Ms()).isNaN();
        assertThat(snapshot.missP99Ms()).isNaN();
        assertThat(snapshot.callP95Ms()).isNaN();
        assertThat(snapshot.meanOriginMs()).isNaN();
    }

    @Test
    void snapshot_isCumulativeAcrossReads() {
        metrics.recordHit(10 * US);
        metrics.snapshot();
        metrics.recordHit(30 * US);

        RuleSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.hits()).isEqualTo(2);
        assertThat(snapshot.hitP99Ms()).isCloseTo(0.030, withinPercentage(0.1));
        assertThat(snapshot.hitP50Ms()).isCloseTo(0.010, withinPercentage(0.1));
    }

    @Test
    void savedMs_isHitsTimesMeanOriginTime() {
        metrics.recordMiss(101 * MS, 100 * MS);
        metrics.recordMiss(201 * MS, 200 * MS);
        metrics.recordHit(5 * US);
        metrics.recordHit(5 * US);
        metrics.recordHit(5 * US);

        RuleSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.meanOriginMs()).isEqualTo(150.0);
        assertThat(snapshot.savedMs()).isEqualTo(450.0);
    }

    @Test
    void savedMs_ignoresFailedOriginCalls() {
        metrics.recordMiss(100 * MS, 100 * MS);
        metrics.recordOriginError(5000 * MS, 5000 * MS);
        metrics.recordHit(5 * US);

        assertThat(metrics.snapshot().savedMs()).isEqualTo(100.0);
    }

    @Test
    void savedMs_isZeroBeforeAnyLoad() {
        metrics.recordHit(5 * US);

        assertThat(metrics.snapshot().savedMs()).isZero();
    }

    @Test
    void savedCost_isHitsTimesCostPerCall() {
        for (int i = 0; i < 4; i++) {
            metrics.recordHit(5 * US);
        }

        assertThat(metrics.snapshot().savedCost()).isCloseTo(0.20, within(1e-12));
    }

    @Test
    void savedCost_isZeroWithoutACost() {
        RuleMetrics noCost = new RuleMetrics("r", "c", null);
        noCost.recordHit(5 * US);

        assertThat(noCost.snapshot().savedCost()).isZero();
    }

    @Test
    void hitRate_isHitsOverHitsAndMisses() {
        metrics.recordHit(5 * US);
        metrics.recordHit(5 * US);
        metrics.recordHit(5 * US);
        metrics.recordMiss(MS, MS);

        assertThat(metrics.snapshot().hitRate()).isEqualTo(0.75);
    }

    @Test
    void hitRate_isZeroWithoutLookups() {
        assertThat(metrics.snapshot().hitRate()).isZero();
    }

    @Test
    void recordOriginError_onARuleWithoutCache_countsAFailedCall() {
        RuleMetrics timing = new RuleMetrics("replicate-timing", null, null);
        timing.recordCall(2 * MS);
        timing.recordOriginError(4 * MS, 4 * MS);

        RuleSnapshot snapshot = timing.snapshot();

        assertThat(snapshot.calls()).isEqualTo(2);
        assertThat(snapshot.misses()).isZero();
        assertThat(snapshot.loadErrors()).isZero();
        assertThat(snapshot.fetchErrors()).isEqualTo(1);
        assertThat(snapshot.callP99Ms()).isCloseTo(4, withinPercentage(0.1));
    }

    @Test
    void record_clampsNegativeAndHugeLatencies() {
        metrics.recordHit(-5);
        metrics.recordMiss(Long.MAX_VALUE, 1);

        RuleSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.hitP50Ms()).isZero();
        assertThat(snapshot.missP50Ms()).isCloseTo(3_600_000, withinPercentage(0.1));
    }

    @Test
    void record_fromManyThreadsWhileReading_losesNothing() throws InterruptedException {
        int threads = 4;
        int perThread = 20_000;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread writer = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    metrics.recordHit(i % 1000 * US);
                }
            });
            writers.add(writer);
            writer.start();
        }
        while (writers.stream().anyMatch(Thread::isAlive)) {
            metrics.snapshot();
        }
        for (Thread writer : writers) {
            writer.join();
        }

        RuleMetrics.Reading reading = metrics.read();

        assertThat(reading.snapshot().hits()).isEqualTo((long) threads * perThread);
        assertThat(reading.hits().count()).isEqualTo((long) threads * perThread);
    }
}
