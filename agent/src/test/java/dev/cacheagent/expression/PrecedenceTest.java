package dev.cacheagent.expression;

import static dev.cacheagent.expression.Evaluate.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Operator precedence and associativity, as in SpEL. */
class PrecedenceTest {
    @Test
    void multiplication_bindsTighterThanAddition() {
        assertThat(eval("1 + 2 * 3")).isEqualTo(7);
    }

    @Test
    void parentheses_override() {
        assertThat(eval("(1 + 2) * 3")).isEqualTo(9);
    }

    @Test
    void subtraction_isLeftAssociative() {
        assertThat(eval("10 - 4 - 3")).isEqualTo(3);
    }

    @Test
    void arithmetic_bindsTighterThanComparison_whichBindsTighterThanAnd() {
        assertThat(eval("1 + 2 == 3 and 2 > 1")).isEqualTo(true);
    }

    @Test
    void and_bindsTighterThanOr() {
        assertThat(eval("true or false and false")).isEqualTo(true);
    }

    @Test
    void ternary_takesTheWholeExpressionOnEachSide() {
        assertThat(eval("false ? 1 : 2 + 3")).isEqualTo(5);
    }

    @Test
    void ternary_nestsToTheRight() {
        assertThat(eval("#p0 == 1 ? 'one' : #p0 == 2 ? 'two' : 'many'", 2)).isEqualTo("two");
    }

    @Test
    void unaryMinus_bindsTighterThanAddition() {
        assertThat(eval("-5 + 2")).isEqualTo(-3);
    }

    @Test
    void not_appliesToTheNextOperandOnly() {
        assertThatThrownBy(() -> eval("!1 > 2"))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'1': expected true or false after 'not' but was an Integer");
    }

    @Test
    void concatenation_isLeftToRight() {
        assertThat(eval("1 + 2 + 'x'")).isEqualTo("3x");
        assertThat(eval("'x' + 1 + 2")).isEqualTo("x12");
    }
}
