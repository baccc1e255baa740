package dev.cacheagent.expression;

import static dev.cacheagent.expression.Evaluate.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** 'and', 'or', 'not' and '? :': strictly boolean and short-circuiting, as in SpEL. */
class LogicTest {
    @Test
    void and_or_not_inBothSpellings() {
        assertThat(eval("true && !false")).isEqualTo(true);
        assertThat(eval("true AND NOT false")).isEqualTo(true);
        assertThat(eval("false || true")).isEqualTo(true);
        assertThat(eval("false Or false")).isEqualTo(false);
    }

    @Test
    void and_shortCircuits() {
        assertThat(eval("false and #p0.fail()", new Fixtures.Thrower())).isEqualTo(false);
    }

    @Test
    void or_shortCircuits() {
        assertThat(eval("true or #p0.fail()", new Fixtures.Thrower())).isEqualTo(true);
    }

    @Test
    void and_onNull_failsNamingTheOperand() {
        assertThatThrownBy(() -> eval("#p0 and true", (Object) null))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0': expected true or false for 'and' but was null");
    }

    @Test
    void not_onText_fails() {
        assertThatThrownBy(() -> eval("!'yes'"))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("''yes'': expected true or false after 'not' but was a String");
    }

    @Test
    void ternary_evaluatesOnlyTheChosenBranch() {
        assertThat(eval("#p0 != null ? #p0.length() : 0", (Object) null)).isEqualTo(0);
    }

    @Test
    void ternary_onANonBoolean_fails() {
        assertThatThrownBy(() -> eval("#p0 ? 1 : 2", "true"))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0': expected true or false before '?' but was a String");
    }
}
