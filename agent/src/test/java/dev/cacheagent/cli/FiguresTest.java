package dev.cacheagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void ms_keepsAboutThreeSignificantDigits() {
        assertThat(Figures.ms(0.0042)).isEqualTo("0.004");
        assertThat(Figures.ms(1.254)).isEqualTo("1.25");
        assertThat(Figures.ms(80.032)).isEqualTo("80.0");
        assertThat(Figures.ms(312.4)).isEqualTo("312");
        assertThat(Figures.ms(0)).isEqualTo("0");
    }

    @Test
    void ms_ofAnUnknownLatency_isADash() {
        assertThat(Figures.ms(Double.NaN)).isEqualTo("-");
    }

    @Test
    void duration_picksTheUnitThatReadsBest() {
        assertThat(Figures.duration(850.0)).isEqualTo("850 ms");
        assertThat(Figures.duration(6_400.0)).isEqualTo("6.4 s");
        assertThat(Figures.duration(750_000.0)).isEqualTo("12.5 min");
        assertThat(Figures.duration(11_520_000.0)).isEqualTo("3.2 h");
        assertThat(Figures.duration(null)).isEqualTo("-");
    }

    @Test
    void cost_showsSmallSavingsWithFourDecimals() {
        assertThat(Figures.cost(12.5)).isEqualTo("12.50");
        assertThat(Figures.cost(0.4)).isEqualTo("0.40");
        assertThat(Figures.cost(0.0008)).isEqualTo("0.0008");
        assertThat(Figures.cost(null)).isEqualTo("-");
    }

    @Test
    void count_agreesWithTheNumber() {
        assertThat(Figures.count(1, "rule")).isEqualTo("1 rule");
        assertThat(Figures.count(2, "rule")).isEqualTo("2 rules");
        assertThat(Figures.count(3, "class", "classes")).isEqualTo("3 classes");
    }

    @Test
    void niceCeiling_roundsAxisTopsUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(LatencyChart.niceCeiling(0.02)).isEqualTo(0.02);
        assertThat(LatencyChart.niceCeiling(130)).isEqualTo(200);
        assertThat(LatencyChart.niceCeiling(320)).isEqualTo(500);
        assertThat(LatencyChart.niceCeiling(0)).isEqualTo(1);
    }
}
