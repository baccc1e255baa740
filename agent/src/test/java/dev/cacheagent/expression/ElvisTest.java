package dev.cacheagent.expression;

import static dev.cacheagent.expression.Evaluate.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** '?:' with SpEL's semantics: the fallback for null or an empty text. */
class ElvisTest {
    @Test
    void value_whenNotNull() {
        assertThat(eval("#p0 ?: 'default'", "set")).isEqualTo("set");
    }

    @Test
    void fallback_whenNull() {
        assertThat(eval("#p0 ?: 'default'", (Object) null)).isEqualTo("default");
    }

    @Test
    void fallback_whenEmptyText_asInSpel() {
        assertThat(eval("#p0 ?: 'default'", "")).isEqualTo("default");
    }

    @Test
    void value_whenZeroOrFalse() {
        assertThat(eval("#p0 ?: 1", 0)).isEqualTo(0);
        assertThat(eval("#p0 ?: true", false)).isEqualTo(false);
    }

    @Test
    void chains_toTheRight() {
        assertThat(eval("#p0 ?: #p1 ?: 'last'", null, null)).isEqualTo("last");
    }

    @Test
    void fallback_isNotEvaluatedWhenNotNeeded() {
        assertThat(eval("#p0 ?: #p1.fail()", "set", new Fixtures.Thrower())).isEqualTo("set");
    }
}
