package dev.cacheagent.expression;

import static dev.cacheagent.expression.Evaluate.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cacheagent.expression.Fixtures.Tier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** '+': numeric addition with SpEL's promotions, or concatenation when either side is text. */
class PlusOperatorTest {
    @Test
    void textAndNumber_concatenate() {
        assertThat(eval("'a' + 1")).isEqualTo("a1");
        assertThat(eval("1 + 'a'")).isEqualTo("1a");
    }

    @Test
    void textAndNull_readNullAsSpelDoes() {
        assertThat(eval("'a' + #p0", (Object) null)).isEqualTo("anull");
        assertThat(eval("#p0 + 'a'", (Object) null)).isEqualTo("nulla");
    }

    @Test
    void textAndEnum_usesTheConstantsName() {
        assertThat(eval("'tier:' + #p0", Tier.REDIS)).isEqualTo("tier:REDIS");
    }

    @Test
    void textAndCollection_joinsElementsWithCommas() {
        assertThat(eval("'ids:' + #p0", List.of(1, 2, 3))).isEqualTo("ids:1,2,3");
    }

    @Test
    void textAndArray_joinsElementsWithCommas() {
        assertThat(eval("#p0 + ''", (Object) new int[] {4, 5})).isEqualTo("4,5");
    }

    @Test
    void textAndRecord_usesToString() {
        assertThat(eval("'' + #p0", new Fixtures.Address("Oslo", "0150"))).isEqualTo("Address[city=Oslo, zip=0150]");
    }

    @Test
    void textAndAValueWhoseToStringThrows_failsWithThatExceptionAsCause() {
        assertThatThrownBy(() -> eval("'key:' + #p0", new Fixtures.Unprintable()))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("''key:' + #p0': reading an operand as text threw java.lang.IllegalStateException")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void ints_addToAnInt() {
        assertThat(eval("#p0 + #p1", (short) 1, (byte) 2)).isEqualTo(3);
    }

    @Test
    void intAndLong_addToALong() {
        assertThat(eval("1 + 2L")).isEqualTo(3L);
    }

    @Test
    void intAndDouble_addToADouble() {
        assertThat(eval("1 + 2.0")).isEqualTo(3.0d);
    }

    @Test
    void floatAndInt_addToAFloat() {
        assertThat(eval("1.5f + 1")).isEqualTo(2.5f);
    }

    @Test
    void bigDecimal_winsOverEverything() {
        assertThat(eval("#p0 + 0.1", new BigDecimal("1.10"))).isEqualTo(new BigDecimal("1.20"));
    }

    @Test
    void bigIntegerAndLong_addToABigInteger() {
        assertThat(eval("#p0 + 1L", BigInteger.TEN)).isEqualTo(BigInteger.valueOf(11));
    }

    @Test
    void otherNumberTypes_addAsDoubles() {
        assertThat(eval("#p0 + #p1", new AtomicInteger(1), new AtomicInteger(2))).isEqualTo(3.0d);
    }

    @Test
    void intOverflow_wrapsAsInJava() {
        assertThat(eval("2147483647 + 1")).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void nullAndNull_cannotBeAdded() {
        assertThatThrownBy(() -> eval("#p0 + #p1", null, null))
                .isInstanceOf(EvaluationException.class)
                .hasMessageStartingWith("'#p0 + #p1': cannot add null and null");
    }

    @Test
    void booleanAndNumber_cannotBeAdded() {
        assertThatThrownBy(() -> eval("true + 1"))
                .isInstanceOf(EvaluationException.class)
                .hasMessageStartingWith("'true + 1': cannot add a Boolean and an Integer");
    }

    @Test
    void unaryPlus_keepsANumber() {
        assertThat(eval("+#p0", 2L)).isEqualTo(2L);
    }
}
