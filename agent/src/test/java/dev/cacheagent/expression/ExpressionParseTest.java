package dev.cacheagent.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParseTest {

    @Test
    void source_isTheTextAsWritten() {
        assertThat(Expression.parse("  #styleName.trim() ").source()).isEqualTo("  #styleName.trim() ");
    }

    @Test
    void variables_areTheNamesWithoutHashInOrderOfFirstUse() {
        Expression expression = Expression.parse("#b + #a.join(#c, #b) + #this.x + #result");

        assertThat(expression.variables()).containsExactly("b", "a", "c", "this", "result");
    }

    @Test
    void variables_ofAnExpressionWithoutVariables_isEmpty() {
        assertThat(Expression.parse("'text' + 1").variables()).isEmpty();
    }

    @Test
    void variables_cannotBeModified() {
        Expression expression = Expression.parse("#a");

        assertThatThrownBy(() -> expression.variables().add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void parse_nestingBeyondTheLimit_isASyntaxError() {
        String deep = "(".repeat(100) + "1" + ")".repeat(100);

        assertThatThrownBy(() -> Expression.parse(deep))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("nested too deeply");
    }

    @Test
    void parse_operatorChainBeyondTheTokenLimit_isASyntaxError() {
        String chain = "1" + " + 1".repeat(Parser.MAX_TOKENS);

        assertThatThrownBy(() -> Expression.parse(chain))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("expression too long");
    }

    @Test
    void parse_reasonableNesting_isAccepted() {
        assertThat(Expression.parse("(".repeat(30) + "1" + ")".repeat(30)).variables()).isEmpty();
    }

    /** Each line: expression | column | part of the message. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                        | 1  | empty expression
            "   "                     | 1  | empty expression
            "#a +"                    | 5  | expected an operand: a variable such as #p0, a literal or '(' but found the end of the expression
            "(#a"                     | 4  | expected ')' to close the '(' at column 1 but found the end of the expression
            "#a #b"                   | 4  | expected an operator or the end of the expression but found '#'
            "#a)"                     | 3  | expected an operator or the end of the expression but found ')'
            "'abc"                    | 1  | unterminated text: add the closing '
            "#"                       | 1  | expected a variable name right after '#'
            "# a"                     | 1  | expected a variable name right after '#'
            "#a."                     | 4  | expected a property or method name after '.' but found the end of the expression
            "#a.5"                    | 4  | expected a property or method name after '.' but found '5'
            "#a[0"                    | 5  | expected ']' to close the '[' at column 3 but found the end of the expression
            "#a.m(1,)"                | 8  | expected an operand
            "#a.m(1 2)"               | 8  | expected ',' or ')' to close the '(' at column 5 but found '2'
            "#a ? 1"                  | 7  | expected ':' of the conditional '? :' begun at column 4
            "1 < 2 < 3"               | 7  | comparisons cannot be chained
            "foo"                     | 1  | unknown name 'foo': variables start with '#' (#foo)
            "#a + and"                | 6  | expected an operand: a variable such as #p0, a literal or '(' but found 'and'
            "#a;"                     | 3  | unexpected character ';'
            "12abc"                   | 1  | unexpected character 'a' in the number
            "99999999999999999999"    | 1  | too large for a long
            "0x"                      | 1  | needs digits after '0x'
            "1e"                      | 1  | exponent needs digits
            "[0]"                     | 1  | indexing '[...]' needs something to index
            "trim()"                  | 1  | method call 'trim(...)' has no target
            """)
    void parse_syntaxError_saysWhatWasExpectedAndWhere(String source, int column, String message) {
        assertThatThrownBy(() -> Expression.parse(source))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.column()).isEqualTo(column))
                .hasMessageContaining(message);
    }

    /** Each line: expression | column | the construct the message names. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "T(java.lang.Math).random()"  | 1  | type references 'T(...)' are not supported
            "#a + new java.util.Date()"   | 6  | constructor calls 'new ...' are not supported
            "#a + NEW Object()"           | 6  | constructor calls 'new ...' are not supported
            "#a = 1"                      | 4  | assignment '=' is not supported; to compare, write '=='
            "@prompts.get(#a)"            | 1  | bean references '@name' are not supported
            "&factory"                    | 1  | factory bean references '&name' are not supported
            "#a & #b"                     | 4  | factory bean references '&name' are not supported
            "#list.![name]"               | 6  | projection '.![...]' is not supported
            "#list?.![name]"              | 6  | projection '.![...]' is not supported
            "#list.?[weight > 1]"         | 6  | selection '.?[...]' is not supported
            "#list?.?[weight > 1]"        | 6  | selection '.?[...]' is not supported
            "#list.^[weight > 1]"         | 6  | selection of the first match '.^[...]' is not supported
            "#list.$[weight > 1]"         | 6  | selection of the last match '.$[...]' is not supported
            "#list?[weight > 1]"          | 6  | selection '?[...]' is not supported
            "{1, 2}"                      | 1  | inline lists and maps '{...}' are not supported
            "#a + {'k': 1}"               | 6  | inline lists and maps '{...}' are not supported
            "#a matches '[a-z]+'"         | 4  | the regular expression operator 'matches' is not supported
            "#a instanceof T(String)"     | 4  | the 'instanceof' operator is not supported
            "#a between {1, 5}"           | 4  | the 'between' operator is not supported
            "#a ^ 2"                      | 4  | the power operator '^' is not supported
            "#a++"                        | 3  | the increment operator '++' is not supported
            "#a--"                        | 3  | the decrement operator '--' is not supported
            "#format(#a)"                 | 1  | function calls '#format(...)' are not supported
            """)
    void parse_unsupportedConstruct_isNamedWithItsColumn(String source, int column, String message) {
        assertThatThrownBy(() -> Expression.parse(source))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.column()).isEqualTo(column))
                .hasMessageContaining(message);
    }

    @Test
    void parse_singleBar_suggestsTheLogicalOr() {
        assertThatThrownBy(() -> Expression.parse("#a | #b"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.column()).isEqualTo(4))
                .hasMessageContaining("for a logical or, write '||' or 'or'");
    }

    @Test
    void parse_textualOperatorsAfterADot_areNames() {
        assertThat(Expression.parse("#a.and + #a.div(#or)").variables()).containsExactly("a", "or");
    }
}
