package dev.cacheagent.expression;

import static dev.cacheagent.expression.Evaluate.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Literals, read as SpEL reads them. */
class LiteralsTest {
    @Test
    void text_withDoubledQuote_isOneQuote() {
        assertThat(eval("'it''s'")).isEqualTo("it's");
    }

    @Test
    void text_inDoubleQuotes_isText() {
        assertThat(eval("\"say \"\"hi\"\"\"")).isEqualTo("say \"hi\"");
    }

    @Test
    void integer_isAnInt() {
        assertThat(eval("42")).isEqualTo(42);
    }

    @Test
    void integer_tooLargeForAnInt_isALong() {
        assertThat(eval("3000000000")).isEqualTo(3_000_000_000L);
    }

    @Test
    void integer_withLSuffix_isALong() {
        assertThat(eval("7L")).isEqualTo(7L);
    }

    @Test
    void hexInteger_isAnInt() {
        assertThat(eval("0x1F")).isEqualTo(31);
    }

    @Test
    void decimal_isADouble() {
        assertThat(eval("1.5")).isEqualTo(1.5d);
    }

    @Test
    void decimal_withExponent_isADouble() {
        assertThat(eval("1e3")).isEqualTo(1000.0d);
    }

    @Test
    void decimal_withFSuffix_isAFloat() {
        assertThat(eval("1.5f")).isEqualTo(1.5f);
    }

    @Test
    void booleans_andNull_ignoreCase() {
        assertThat(eval("true")).isEqualTo(true);
        assertThat(eval("FALSE")).isEqualTo(false);
        assertThat(eval("Null")).isNull();
    }
}
