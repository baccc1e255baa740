package dev.cacheagent.expression;

import static dev.cacheagent.expression.Evaluate.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cacheagent.expression.Fixtures.Overloads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code a.m(...)}: public instance methods, overloads chosen as Java chooses them. */
class MethodCallTest {
    private final Overloads overloads = new Overloads();

    @Test
    void chainedCalls_trimAndLowerCase() {
        assertThat(eval("#p0.trim().toLowerCase()", "  Classic Oil ")).isEqualTo("classic oil");
    }

    @Test
    void call_withArguments() {
        assertThat(eval("#p0.substring(0, 3)", "watercolor")).isEqualTo("wat");
    }

    @Test
    void call_withAnArgumentFromAVariable() {
        assertThat(eval("#p0.startsWith(#p1)", "watercolor", "water")).isEqualTo(true);
    }

    @Test
    void overload_exactPrimitive_winsForAnInt() {
        assertThat(eval("#p0.describe(1)", overloads)).isEqualTo("int");
    }

    @Test
    void overload_forALong_isTheLongOne() {
        assertThat(eval("#p0.describe(1L)", overloads)).isEqualTo("long");
    }

    @Test
    void overload_forAShort_widensToInt() {
        assertThat(eval("#p0.describe(#p1)", overloads, (short) 1)).isEqualTo("int");
    }

    @Test
    void overload_forText_isTheStringOne() {
        assertThat(eval("#p0.describe('x')", overloads)).isEqualTo("String");
    }

    @Test
    void overload_forNull_isTheMostSpecificReferenceType() {
        assertThat(eval("#p0.describe(null)", overloads)).isEqualTo("String");
    }

    @Test
    void overload_forAnotherType_isTheObjectOne() {
        assertThat(eval("#p0.describe(1.5)", overloads)).isEqualTo("Object");
    }

    @Test
    void overload_isChosenPerCallFromTheArgumentsRuntimeTypes() {
        Evaluator describe = Expression.parse("#p0.describe(#p1)").resolve(Arrays.asList(null, null), false);

        assertThat(describe.evaluate(null, new Object[] {overloads, 1}, null)).isEqualTo("int");
        assertThat(describe.evaluate(null, new Object[] {overloads, "x"}, null)).isEqualTo("String");
        assertThat(describe.evaluate(null, new Object[] {overloads, 1L}, null)).isEqualTo("long");
    }

    @Test
    void intArgument_widensToALongWrapperParameter() {
        assertThat(eval("#p0.wide(5)", overloads)).isEqualTo("Long 5");
    }

    @Test
    void intArguments_widenToDoubleParameters() {
        assertThat(eval("#p0.wide(1, 2)", overloads)).isEqualTo("double 3.0");
    }

    @Test
    void characterArgument_widensToAnIntParameter() {
        assertThat(eval("#p0.indexOf(#p1)", "abc", 'c')).isEqualTo(2);
    }

    @Test
    void varargs_collectTheTrailingArguments() {
        assertThat(eval("#p0.join('a', 'b', 'c')", overloads)).isEqualTo("a:b,c");
    }

    @Test
    void varargs_acceptNoTrailingArgument() {
        assertThat(eval("#p0.join('a')", overloads)).isEqualTo("a:");
    }

    @Test
    void varargs_ofObjects_takeAnyArguments() {
        assertThat(eval("'%s-%s'.formatted(1, #p0)", "x")).isEqualTo("1-x");
    }

    @Test
    void fourArguments_arePassed() {
        assertThat(eval("#p0.four('a', 'b', 'c', 'd')", overloads)).isEqualTo("abcd");
    }

    @Test
    void fiveArguments_ofMixedTypes_arePassed() {
        assertThat(eval("#p0.five('a', 1, 'b', 2, null)", overloads)).isEqualTo("a1b2null");
    }

    @Test
    void methodOfAPublicInterface_isCalledOnANonPublicImplementation() {
        assertThat(eval("#p0.get(1)", List.of("a", "b"))).isEqualTo("b");
        assertThat(eval("#p0.get('k')", Map.of("k", "v"))).isEqualTo("v");
    }

    @Test
    void methodOfAPublicInterface_isCalledOnALambda() {
        Supplier<String> lambda = () -> "from lambda";

        assertThat(eval("#p0.get()", lambda)).isEqualTo("from lambda");
    }

    @Test
    void methodOfAPublicInterface_isCalledOnAJdkInternalClass() {
        assertThat(eval("#p0.getFileName().toString()", Path.of("/tmp/prompts.txt"))).isEqualTo("prompts.txt");
    }

    @Test
    void methodOfAPublicObjectClass_isCalledOnANonPublicClass() {
        assertThat(eval("#p0.toString()", new Fixtures.HiddenPlain())).isEqualTo("plain");
    }

    @Test
    void methodOfAPublicRecordNestedInAPackagePrivateClass_isCalled() {
        assertThat(eval("#p0.describe('id=')", new PackagePrivateOuter.Request("r-1", 4))).isEqualTo("id=r-1");
    }

    @Test
    void methodDeclaredOnlyByANonPublicClass_isOutOfReach() {
        assertThatThrownBy(() -> eval("#p0.secret()", new Fixtures.HiddenPlain()))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0.secret()': secret() of " + Fixtures.HiddenPlain.class.getName() + " cannot be called:"
                        + " the class is not public (or not exported by its module) and no public class or interface"
                        + " it extends declares it");
    }

    @Test
    void staticMethod_cannotBeCalled() {
        assertThatThrownBy(() -> eval("#p0.shout('x')", new Fixtures.Bean()))
                .isInstanceOf(EvaluationException.class)
                .hasMessageEndingWith("shout() of " + Fixtures.Bean.class.getName()
                        + " is static: expressions may call only instance methods");
    }

    @Test
    void failureMessage_quotesAParenthesizedTargetWhole() {
        assertThatThrownBy(() -> eval("(#p0 + 'x').shout()", "a"))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'(#p0 + 'x').shout()': no public method shout() on String");
    }

    @Test
    void unknownMethod_isNamed() {
        assertThatThrownBy(() -> eval("#p0.shout()", "x"))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0.shout()': no public method shout() on String");
    }

    @Test
    void argumentsNoOverloadAccepts_listTheOverloads() {
        assertThatThrownBy(() -> eval("'abc'.substring('x')"))
                .isInstanceOf(EvaluationException.class)
                .hasMessageStartingWith("''abc'.substring('x')': no substring(...) on String accepts (String); there are ")
                .hasMessageContaining("substring(int)")
                .hasMessageContaining("substring(int, int)");
    }

    @Test
    void ambiguousOverloads_fail() {
        assertThatThrownBy(() -> eval("#p0.ambiguous(1, 2)", overloads))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("no ambiguous(...) on " + Overloads.class.getName() + " accepts (Integer, Integer)");
    }

    @Test
    void method_onNull_failsNamingTheMethod() {
        assertThatThrownBy(() -> evalNamed("#style.trim()", List.of("style"), (Object) null))
                .isInstanceOf(EvaluationException.class)
                .hasMessageStartingWith("'#style.trim()': method trim() called on null");
    }

    @Test
    void nullSafeMethod_onNull_isNullAndSkipsTheArguments() {
        assertThat(eval("#p0?.substring(#p1.fail())", null, new Fixtures.Thrower())).isNull();
    }

    @Test
    void checkedExceptionOfTheMethod_isTheCause() {
        assertThatThrownBy(() -> eval("#p0.fail()", new Fixtures.Thrower()))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0.fail()': fail() threw java.io.IOException")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void errorThrownByTheMethod_isTheCause() {
        assertThatThrownBy(() -> eval("#p0.assertion()", new Fixtures.Thrower()))
                .isInstanceOf(EvaluationException.class)
                .hasCauseInstanceOf(AssertionError.class);
    }

    @Test
    void virtualMachineError_isNotSwallowed() {
        assertThatThrownBy(() -> eval("#p0.exhaust()", new Fixtures.Thrower()))
                .isInstanceOf(OutOfMemoryError.class)
                .hasMessage("simulated");
    }

    @Test
    void failureMessage_doesNotQuoteTheExceptionsMessage_whichMayHoldArgumentValues() {
        assertThatThrownBy(() -> eval("#p0.fail()", new Fixtures.Thrower()))
                .isInstanceOf(EvaluationException.class)
                .message().doesNotContain("secret-value");
    }

    private static Object evalNamed(String source, List<String> names, Object... args) {
        return Expression.parse(source).resolve(names, false).evaluate(null, args, null);
    }
}
