package dev.cacheagent.expression;

import static dev.cacheagent.expression.Evaluate.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What expressions may not reach although it is public: they run inside production services. */
class MemberPolicyTest {

    @Test
    void className_isReadable() {
        assertThat(eval("#p0.getClass().getName()", "x")).isEqualTo("java.lang.String");
    }

    @Test
    void classLoader_isOutOfReach() {
        assertThatThrownBy(() -> eval("#p0.class.classLoader", "x"))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("of a Class, expressions may call only getName()")
                .hasMessageContaining("not getClassLoader()");
    }

    @Test
    void reflection_isOutOfReach() {
        assertThatThrownBy(() -> eval("#p0.getClass().getMethods()", "x"))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("not getMethods()");
    }

    @Test
    void staticCallThroughAClass_isOutOfReach() {
        assertThatThrownBy(() -> eval("#p0.getClass().forName('java.lang.Runtime')", "x"))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("is static");
    }

    @Test
    void wait_wouldBlockTheThread_andIsRefused() {
        assertThatThrownBy(() -> eval("#p0.wait()", new Object()))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0.wait()': wait() may not be called in expressions: it would block or disturb the application's threads");
    }

    @Test
    void threads_areOutOfReach() {
        assertThatThrownBy(() -> eval("#p0.getName()", Thread.currentThread()))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("methods of threads may not be called in expressions");
    }

    @Test
    void classLoaderPassedAsAnArgument_isOutOfReach() {
        assertThatThrownBy(() -> eval("#p0.parent", getClass().getClassLoader()))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("methods of class loaders may not be called in expressions");
    }
}
