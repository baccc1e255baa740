package dev.cacheagent.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Expression#resolve}: variables bound to one method's parameters, target and result. */
class ResolveTest {
    private static final List<String> STYLE_AND_SIZE = List.of("styleName", "size");

    private static Object evaluate(String source, List<String> names, boolean resultAllowed,
            Object receiver, Object[] args, Object result) {
        return Expression.parse(source).resolve(names, resultAllowed).evaluate(receiver, args, result);
    }

    @Test
    void parameterName_isThatArgument() {
        assertThat(evaluate("#size", STYLE_AND_SIZE, false, null, new Object[] {"oil", 3}, null)).isEqualTo(3);
    }

    @Test
    void pAndA_areArgumentsByPosition() {
        Object[] args = {"oil", 3};

        assertThat(evaluate("#p1", STYLE_AND_SIZE, false, null, args, null)).isEqualTo(3);
        assertThat(evaluate("#a0", STYLE_AND_SIZE, false, null, args, null)).isEqualTo("oil");
    }

    @Test
    void args_isTheArgumentArray() {
        Object[] args = {"oil", 3};

        assertThat(evaluate("#args", STYLE_AND_SIZE, false, null, args, null)).isSameAs(args);
    }

    @Test
    void this_isTheReceiver() {
        assertThat(evaluate("#this", List.of(), false, "target", new Object[0], null)).isEqualTo("target");
    }

    @Test
    void this_ofAStaticMethod_isNull() {
        assertThat(evaluate("#this == null", List.of(), false, null, new Object[0], null)).isEqualTo(true);
    }

    @Test
    void result_whenAllowed_isTheResult() {
        assertThat(evaluate("#result.isEmpty()", List.of(), true, null, new Object[0], "")).isEqualTo(true);
    }

    @Test
    void parameterName_winsOverThePositionalName() {
        assertThat(evaluate("#p1", List.of("p1", "other"), false, null, new Object[] {"named", "positional"}, null))
                .isEqualTo("named");
    }

    @Test
    void parameterNamedResult_isTheArgument_beforeTheCall() {
        assertThat(evaluate("#result", List.of("result"), false, null, new Object[] {"argument"}, "returned"))
                .isEqualTo("argument");
    }

    @Test
    void result_winsOverAParameterNamedResult_afterTheCall() {
        assertThat(evaluate("#result", List.of("result"), true, null, new Object[] {"argument"}, "returned"))
                .isEqualTo("returned");
    }

    @Test
    void oneExpression_bindsToSeveralMethodsIndependently() {
        Expression expression = Expression.parse("#name");
        Evaluator first = expression.resolve(List.of("name", "other"), false);
        Evaluator second = expression.resolve(List.of("other", "name"), false);

        assertThat(first.evaluate(null, new Object[] {"a", "b"}, null)).isEqualTo("a");
        assertThat(second.evaluate(null, new Object[] {"a", "b"}, null)).isEqualTo("b");
    }

    @Test
    void unknownVariable_isNamedWithWhatIsAvailable() {
        assertThatThrownBy(() -> Expression.parse("'x' + #colour").resolve(STYLE_AND_SIZE, false))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.column()).isEqualTo(7))
                .hasMessage("unknown variable #colour. Available here: #styleName, #size, #p0..#p1, #a0..#a1, #args, #this");
    }

    @Test
    void misspelledVariable_suggestsTheNearestName() {
        assertThatThrownBy(() -> Expression.parse("#styleNam.trim()").resolve(STYLE_AND_SIZE, false))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("unknown variable #styleNam; did you mean #styleName? Available here:");
    }

    @Test
    void unknownVariable_afterTheCall_listsResultToo() {
        assertThatThrownBy(() -> Expression.parse("#resutl").resolve(List.of("id"), true))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("unknown variable #resutl; did you mean #result? Available here: #id, #p0, #a0, #args, #this, #result");
    }

    @Test
    void unknownVariable_withoutParameterNames_suggestsPositionsOrCompilingWithParameters() {
        assertThatThrownBy(() -> Expression.parse("#styleName").resolve(Arrays.asList(null, null), false))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("unknown variable #styleName. Available here: #p0..#p1, #a0..#a1, #args, #this."
                        + " This class file does not carry parameter names: use #p0, #p1... or compile the application"
                        + " with -parameters");
    }

    @Test
    void positionBeyondTheParameters_saysHowManyThereAre() {
        assertThatThrownBy(() -> Expression.parse("#p2").resolve(STYLE_AND_SIZE, false))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("unknown variable #p2: this method has 2 parameters.");
    }

    @Test
    void methodWithoutParameters_offersArgsAndThis() {
        assertThatThrownBy(() -> Expression.parse("#p0").resolve(List.of(), false))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("unknown variable #p0: this method has 0 parameters. Available here: #args, #this");
    }

    @Test
    void result_beforeTheCall_saysWhereItIsAvailable() {
        assertThatThrownBy(() -> Expression.parse("#p0 + #result").resolve(List.of("id"), false))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.column()).isEqualTo(7))
                .hasMessage("#result is only available after the call (in unless, put values and log fields);"
                        + " this expression is evaluated before the call");
    }

    @Test
    void root_isRefusedWithTheAlternatives() {
        assertThatThrownBy(() -> Expression.parse("#root.args[0]").resolve(List.of("id"), false))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("#root is not supported: use #this for the object the method is called on and #args for its arguments");
    }

    @Test
    void evaluation_withFewerArgumentsThanBound_failsClearly() {
        Evaluator evaluator = Expression.parse("#p1").resolve(STYLE_AND_SIZE, false);

        assertThatThrownBy(() -> evaluator.evaluate(null, new Object[] {"only"}, null))
                .isInstanceOf(EvaluationException.class)
                .hasMessageStartingWith("'#p1': the call has 1 arguments, so no argument #1");
    }

    @Test
    void evaluation_ofArgumentsPassedOneByOne_readsThemWithoutAnArray() {
        Evaluator evaluator = Expression.parse("#p1 + ':' + #styleName").resolve(STYLE_AND_SIZE, false);

        assertThat(evaluator.evaluate(null, "noir", 3, null, null, null)).isEqualTo("3:noir");
    }

    @Test
    void args_ofACallPassedOneByOne_isAnArrayOfTheMethodsArguments() {
        Evaluator evaluator = Expression.parse("#args").resolve(STYLE_AND_SIZE, false);

        assertThat((Object[]) evaluator.evaluate(null, "noir", 3, null, null, null)).containsExactly("noir", 3);
    }
}
