package dev.cacheagent.expression;

import static dev.cacheagent.expression.Evaluate.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** '-', '*', '/', '%' and the unary signs, with SpEL's promotions. */
class ArithmeticTest {
    @Test
    void intDivision_truncates() {
        assertThat(eval("7 / 2")).isEqualTo(3);
    }

    @Test
    void doubleDivision_keepsTheFraction() {
        assertThat(eval("7.0 / 2")).isEqualTo(3.5d);
    }

    @Test
    void bigDecimalDivision_keepsTheLargerScale() {
        assertThat(eval("#p0 / 3", new BigDecimal("10.00"))).isEqualTo(new BigDecimal("3.33"));
    }

    @Test
    void remainder_ofInts() {
        assertThat(eval("7 % 3")).isEqualTo(1);
    }

    @Test
    void textualOperators_divAndMod_ignoreCase() {
        assertThat(eval("7 div 2")).isEqualTo(3);
        assertThat(eval("7 MOD 4")).isEqualTo(3);
    }

    @Test
    void subtraction_ofLongs() {
        assertThat(eval("#p0 - 1", 10L)).isEqualTo(9L);
    }

    @Test
    void multiplication_ofDoubleAndInt() {
        assertThat(eval("1.5 * 2")).isEqualTo(3.0d);
    }

    @Test
    void textTimesInt_repeatsTheText() {
        assertThat(eval("'ab' * 3")).isEqualTo("ababab");
    }

    @Test
    void textTimesInt_beyondSpelsLimit_fails() {
        assertThatThrownBy(() -> eval("'ab' * 200"))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("repeated");
    }

    @Test
    void intDivisionByZero_fails_withTheArithmeticExceptionAsCause() {
        assertThatThrownBy(() -> eval("1 / #p0", 0))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'1 / #p0': / by zero")
                .hasCauseInstanceOf(ArithmeticException.class);
    }

    @Test
    void subtractingText_fails() {
        assertThatThrownBy(() -> eval("'a' - 1"))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("''a' - 1': cannot subtract a String and an Integer");
    }

    @Test
    void unaryMinus_keepsTheNumbersType() {
        assertThat(eval("-#p0", 5L)).isEqualTo(-5L);
        assertThat(eval("-#p0", 1.5f)).isEqualTo(-1.5f);
        assertThat(eval("-#p0", new BigDecimal("2.5"))).isEqualTo(new BigDecimal("-2.5"));
    }

    @Test
    void unaryMinus_onText_fails() {
        assertThatThrownBy(() -> eval("-'a'"))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'-'a'': expected a number after '-' but was a String");
    }
}
