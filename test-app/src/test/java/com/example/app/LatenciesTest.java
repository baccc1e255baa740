package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static long millis(long ms) {
        return ms * 1_000_000;
    }

    @Test
    void percentileMs_isTheNearestRankInMilliseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = millis(100 - i);
        }
        Latencies latencies = new Latencies(nanos);

        assertThat(latencies.percentileMs(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMs(95)).isEqualTo(95.0);
        assertThat(latencies.percentileMs(99)).isEqualTo(99.0);
    }

    @Test
    void percentileMs_roundsToHundredthsOfAMillisecond() {
        assertThat(new Latencies(new long[] {1_234_567}).percentileMs(50)).isEqualTo(1.23);
    }

    @Test
    void percentileMs_withoutCalls_isZero() {
        assertThat(new Latencies(new long[0]).percentileMs(99)).isZero();
    }
}
