package dev.cacheagent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cacheagent.config.CacheSpec.Tier;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reading scalars as typed values: what is accepted, and what the user is told otherwise. */
class ScalarTest {

    private static Scalar plain(String text) {
        return new Scalar(text, Scalar.Style.PLAIN, new Position(RuleFiles.FILE, 1, 1));
    }

    private static InvalidValue failure(Conversion<?> conversion, String text) {
        return catchThrowableOfType(InvalidValue.class, () -> conversion.convert(plain(text)));
    }

    @Test
    void asDuration_readsEveryUnit() throws InvalidValue {
        assertThat(plain("500ms").asDuration()).isEqualTo(Duration.ofMillis(500));
        assertThat(plain("30s").asDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plain("5m").asDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(plain("2h").asDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(plain("7d").asDuration()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void asDuration_bareNumber_saysWhichUnitToAdd() {
        InvalidValue e = failure(Scalar::asDuration, "500");
        assertThat(e.what()).isEqualTo("is 500 without a unit");
        assertThat(e.fix()).isEqualTo("add one: write 500ms or 500s (units: ms, s, m, h, d)");
    }

    @Test
    void asDuration_decimal_suggestsASmallerUnit() {
        assertThat(failure(Scalar::asDuration, "1.5s").fix())
                .isEqualTo("use a smaller unit, e.g. 1500ms instead of 1.5s");
    }

    @Test
    void asDuration_unknownUnit_isRejected() {
        assertThat(failure(Scalar::asDuration, "5min").what())
                .isEqualTo("must be a duration such as 500ms or 30s, not '5min'");
    }

    @Test
    void asDuration_negative_isRejected() {
        assertThat(failure(Scalar::asDuration, "-5s").what()).isEqualTo("must not be negative, not '-5s'");
    }

    @Test
    void asDuration_overflow_isRejected() {
        assertThat(failure(Scalar::asDuration, "99999999999999999999d").what()).startsWith("is too long");
        assertThat(failure(Scalar::asDuration, "9999999999999999d").what()).startsWith("is too long");
    }

    @Test
    void asPositiveDuration_zero_isRejected() {
        assertThat(failure(Scalar::asPositiveDuration, "0s").what()).isEqualTo("must be longer than 0");
    }

    @Test
    void asIntervalOrOff_bareZeroIsOff() throws InvalidValue {
        assertThat(plain("0").asIntervalOrOff()).isZero();
    }

    @Test
    void asPercent_readsAShare() throws InvalidValue {
        assertThat(plain("80%").asPercent()).isEqualTo(0.8);
        assertThat(plain("12.5%").asPercent()).isEqualTo(0.125);
        assertThat(plain("0%").asPercent()).isZero();
        assertThat(plain("100%").asPercent()).isEqualTo(1.0);
    }

    @Test
    void asPercent_withoutPercentSign_saysHowToWriteIt() {
        InvalidValue e = failure(Scalar::asPercent, "80");
        assertThat(e.what()).isEqualTo("is 80 without '%'");
        assertThat(e.fix()).isEqualTo("write it as a percentage: 80%");
    }

    @Test
    void asPercent_over100_isRejected() {
        assertThat(failure(Scalar::asPercent, "150%").what()).isEqualTo("must be at most 100%, not 150%");
    }

    @Test
    void asBoolean_acceptsTrueAndFalseOnly() throws InvalidValue {
        assertThat(plain("true").asBoolean()).isTrue();
        assertThat(plain("False").asBoolean()).isFalse();
        assertThat(failure(Scalar::asBoolean, "yes").what()).isEqualTo("must be true or false, not 'yes'");
    }

    @Test
    void asInteger_rejectsDecimalsAndOverflow() {
        assertThat(failure(Scalar::asInteger, "1.5").what()).isEqualTo("must be a whole number, not '1.5'");
        assertThat(failure(Scalar::asInteger, "99999999999999999999").what()).startsWith("is too large");
    }

    @Test
    void asPositiveInteger_zero_isRejected() {
        assertThat(failure(Scalar::asPositiveInteger, "0").what()).isEqualTo("must be greater than 0, not 0");
    }

    @Test
    void asNumber_rejectsNegativesAndNonNumbers() throws InvalidValue {
        assertThat(plain("0.05").asNumber()).isEqualTo(0.05);
        assertThat(failure(Scalar::asNumber, "-1").what()).isEqualTo("must not be negative, not -1");
        assertThat(failure(Scalar::asNumber, "NaN").what()).isEqualTo("must be a number, not 'NaN'");
    }

    @Test
    void asShare_over1_isRejected() {
        assertThat(failure(Scalar::asShare, "1.5").what()).isEqualTo("must be between 0 and 1, not 1.5");
    }

    @Test
    void choice_readsLowerCaseWithHyphens() throws InvalidValue {
        assertThat(Scalar.choice(Tier.class).convert(plain("two-level"))).isEqualTo(Tier.TWO_LEVEL);
    }

    @Test
    void choice_nearMiss_suggestsTheValue() {
        InvalidValue e = failure(Scalar.choice(Tier.class), "lcoal");
        assertThat(e.what()).isEqualTo("must be one of local, redis, two-level, not 'lcoal'");
        assertThat(e.fix()).isEqualTo("did you mean 'local'?");
    }

    @Test
    void nullValue_hasNoValue() {
        assertThat(failure(Scalar::asDuration, "~").what()).isEqualTo("has no value");
    }

    @Test
    void asPlainValue_keepsYamlTypes() {
        assertThat(plain("classic").asPlainValue()).isEqualTo("classic");
        assertThat(plain("42").asPlainValue()).isEqualTo(42L);
        assertThat(plain("99999999999999999999").asPlainValue()).isEqualTo(new BigInteger("99999999999999999999"));
        assertThat(plain("1.5").asPlainValue()).isEqualTo(1.5);
        assertThat(plain("true").asPlainValue()).isEqualTo(true);
        assertThat(plain("~").asPlainValue()).isNull();
        assertThat(new Scalar("42", Scalar.Style.QUOTED, new Position("f", 1, 1)).asPlainValue()).isEqualTo("42");
    }
}
