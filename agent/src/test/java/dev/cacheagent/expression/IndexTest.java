package dev.cacheagent.expression;

import static dev.cacheagent.expression.Evaluate.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code a[i]}: maps by key; lists, arrays, collections and text by position. */
class IndexTest {

    @Test
    void list_byPosition() {
        assertThat(eval("#p0[1]", List.of("a", "b"))).isEqualTo("b");
    }

    @Test
    void map_byTextKey() {
        assertThat(eval("#p0['k']", Map.of("k", "v"))).isEqualTo("v");
    }

    @Test
    void map_byNumberKey() {
        assertThat(eval("#p0[7]", Map.of(7, "seven"))).isEqualTo("seven");
    }

    @Test
    void map_missingKey_isNull() {
        assertThat(eval("#p0['absent']", Map.of("k", "v"))).isNull();
    }

    @Test
    void objectArray_byPosition() {
        assertThat(eval("#p0[0]", (Object) new String[] {"first"})).isEqualTo("first");
    }

    @Test
    void primitiveArray_byPosition_isBoxed() {
        assertThat(eval("#p0[1]", (Object) new int[] {4, 5})).isEqualTo(5);
    }

    @Test
    void text_byPosition_isAOneCharacterText() {
        assertThat(eval("'abc'[1]")).isEqualTo("b");
    }

    @Test
    void set_byPosition_isTheNthInIterationOrder() {
        assertThat(eval("#p0[2]", new LinkedHashSet<>(List.of("x", "y", "z")))).isEqualTo("z");
    }

    @Test
    void args_byPosition() {
        assertThat(eval("#args[1]", "a", "b")).isEqualTo("b");
    }

    @Test
    void longIndex_isAccepted() {
        assertThat(eval("#p0[1L]", List.of("a", "b"))).isEqualTo("b");
    }

    @Test
    void indexOutOfBounds_fails() {
        assertThatThrownBy(() -> eval("#p0[2]", List.of("a", "b")))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0[2]': index 2 is out of bounds for a list of size 2");
    }

    @Test
    void negativeIndex_fails() {
        assertThatThrownBy(() -> eval("#p0[-1]", (Object) new int[] {1}))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0[-1]': index -1 is out of bounds for an array of size 1");
    }

    @Test
    void nonIntegerIndex_ofAList_fails() {
        assertThatThrownBy(() -> eval("#p0['x']", List.of("a")))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0['x']': the index of a list must be an integer, not a String");
    }

    @Test
    void indexingNull_fails() {
        assertThatThrownBy(() -> eval("#p0[0]", (Object) null))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0[0]': cannot index into null (write '?.[' to get null instead)");
    }

    @Test
    void nullSafeIndex_onNull_isNull() {
        assertThat(eval("#p0?.[0]", (Object) null)).isNull();
    }

    @Test
    void nullSafeIndex_onAValue_isTheElement() {
        assertThat(eval("#p0?.[0]", List.of("a"))).isEqualTo("a");
    }

    @Test
    void indexingAnotherValue_fails() {
        assertThatThrownBy(() -> eval("#p0[0]", 42))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0[0]': cannot index into an Integer: indexing works on maps, lists, arrays, collections and text");
    }

    @Test
    void mapThatRejectsTheKey_failsWithItsExceptionAsCause() {
        assertThatThrownBy(() -> eval("#p0[#p1]", Map.of("k", "v"), null))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0[#p1]': Map.get() threw java.lang.NullPointerException")
                .hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void indexThenNavigation_chain() {
        assertThat(eval("#p0['style'].trim()[0]", Map.of("style", " oil "))).isEqualTo("o");
    }
}
