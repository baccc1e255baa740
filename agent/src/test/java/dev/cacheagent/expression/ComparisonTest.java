package dev.cacheagent.expression;

import static dev.cacheagent.expression.Evaluate.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cacheagent.expression.Fixtures.Tier;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** '==', '!=', '<', '<=', '>', '>=' with SpEL's semantics. */
class ComparisonTest {
    @Test
    void numbers_areEqualByValueAcrossTypes() {
        assertThat(eval("1 == 1L")).isEqualTo(true);
        assertThat(eval("1 == 1.0")).isEqualTo(true);
        assertThat(eval("#p0 == 1", new BigDecimal("1.00"))).isEqualTo(true);
        assertThat(eval("#p0 == #p1", (short) 7, 7L)).isEqualTo(true);
    }

    @Test
    void numbers_orderByValueAcrossTypes() {
        assertThat(eval("1L < 2.5")).isEqualTo(true);
        assertThat(eval("#p0 >= 10", BigInteger.TEN)).isEqualTo(true);
        assertThat(eval("2.5f > 2")).isEqualTo(true);
    }

    @Test
    void texts_areEqualByContent() {
        assertThat(eval("#p0 == 'abc'", new String("abc"))).isEqualTo(true);
    }

    @Test
    void textAndStringBuilder_areEqualByContent() {
        assertThat(eval("#p0 == 'abc'", new StringBuilder("abc"))).isEqualTo(true);
    }

    @Test
    void texts_orderLexicographically() {
        assertThat(eval("'b' > 'a'")).isEqualTo(true);
        assertThat(eval("'a' <= 'a'")).isEqualTo(true);
    }

    @Test
    void null_equalsOnlyNull() {
        assertThat(eval("#p0 == null", (Object) null)).isEqualTo(true);
        assertThat(eval("#p0 != null", "x")).isEqualTo(true);
        assertThat(eval("null == 0")).isEqualTo(false);
    }

    @Test
    void null_ordersBeforeEverything_asInSpel() {
        assertThat(eval("null < 1")).isEqualTo(true);
        assertThat(eval("1 > null")).isEqualTo(true);
        assertThat(eval("null <= null")).isEqualTo(true);
    }

    @Test
    void values_areEqualByEquals() {
        assertThat(eval("#p0 == #p1", new Fixtures.Address("a", "1"), new Fixtures.Address("a", "1"))).isEqualTo(true);
    }

    @Test
    void arrays_areEqualByContent() {
        assertThat(eval("#p0 == #p1", new int[] {1, 2}, new int[] {1, 2})).isEqualTo(true);
    }

    @Test
    void enumAndItsName_areNotEqual_asInSpel() {
        assertThat(eval("#p0 == 'REDIS'", Tier.REDIS)).isEqualTo(false);
    }

    @Test
    void enums_orderByDeclaration() {
        assertThat(eval("#p0 < #p1", Tier.LOCAL, Tier.REDIS)).isEqualTo(true);
    }

    @Test
    void textualOperators_ignoreCase() {
        assertThat(eval("1 lt 2 and 2 LE 2 and 3 gt 2 and 3 ge 3 and 1 eq 1 and 1 Ne 2")).isEqualTo(true);
    }

    @Test
    void nan_isNeitherLessNorGreater() {
        assertThat(eval("#p0 < 1 or #p0 > 1 or #p0 <= 1 or #p0 >= 1 or #p0 == #p0", Double.NaN)).isEqualTo(false);
    }

    @Test
    void valuesWithoutAnOrder_cannotBeCompared() {
        assertThatThrownBy(() -> eval("#p0 < #p1", new Object(), new Object()))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0 < #p1': cannot compare an Object with an Object");
    }

    @Test
    void valuesOfDifferentComparableTypes_cannotBeOrdered() {
        assertThatThrownBy(() -> eval("#p0 < 'x'", Tier.LOCAL))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("cannot compare")
                .hasCauseInstanceOf(ClassCastException.class);
    }
}
