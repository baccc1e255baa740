package dev.cacheagent.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Linked members are called through a hidden class per member that holds the member's handle as a
 * constant, so that the JIT inlines the member; the results, messages and exceptions stay those of a
 * plain handle call.
 */
class CallTest {

    private static Node bind(String source, int parameters) {
        return Parser.parse(source).root().bind(new Binder(source, Arrays.asList(new String[parameters]), false));
    }

    private static MethodHandle concat(int arguments) throws ReflectiveOperationException {
        MethodHandle join = MethodHandles.lookup().findStatic(CallTest.class, "join",
                MethodType.methodType(String.class, Object[].class));
        return join.asCollector(Object[].class, arguments + 1).asType(MethodType.genericMethodType(arguments + 1));
    }

    @SuppressWarnings("unused") // through concat
    private static String join(Object... values) {
        return String.join("+", Arrays.stream(values).map(String::valueOf).toList());
    }

    @Test
    void of_aHandle_callsItThroughAHiddenClass() throws Throwable {
        Call call = Call.of(concat(0));

        assertThat(call.getClass().isHidden()).isTrue();
        assertThat(call.call0("v")).isEqualTo("v");
    }

    @Test
    void of_twoHandles_eachCallCallsItsOwn() throws Throwable {
        Call one = Call.of(concat(1));
        Call two = Call.of(concat(2));

        assertThat(one.getClass()).isNotSameAs(two.getClass());
        assertThat(one.call1("v", "a")).isEqualTo("v+a");
        assertThat(two.call2("v", "a", "b")).isEqualTo("v+a+b");
    }

    @Test
    void of_eachArity_givesWhatTheHandleGives() throws Throwable {
        MethodHandle spread = concat(4).asSpreader(Object[].class, 4);

        assertThat(Call.of(concat(0)).call0("v")).isEqualTo(Call.dynamic(concat(0)).call0("v"));
        assertThat(Call.of(concat(1)).call1("v", 1)).isEqualTo("v+1");
        assertThat(Call.of(concat(2)).call2("v", 1, null)).isEqualTo("v+1+null");
        assertThat(Call.of(concat(3)).call3("v", 1, 2, 3)).isEqualTo("v+1+2+3");
        assertThat(Call.of(spread).callN("v", new Object[] {1, 2, 3, 4})).isEqualTo("v+1+2+3+4");
        assertThat(Call.dynamic(spread).callN("v", new Object[] {1, 2, 3, 4})).isEqualTo("v+1+2+3+4");
    }

    @Test
    void of_handleThatThrows_throwsWhatItThrows() throws Exception {
        MethodHandle fail = MethodHandles.lookup().findVirtual(Fixtures.Thrower.class, "fail",
                MethodType.methodType(String.class)).asType(MethodType.genericMethodType(1));

        assertThatThrownBy(() -> Call.of(fail).call0(new Fixtures.Thrower()))
                .isInstanceOf(java.io.IOException.class).hasMessage("disk secret-value gone");
    }

    @Test
    void of_templateThatCannotBeDefined_fallsBackToAPlainHandleCall() throws Throwable {
        Call call = Call.of(concat(1), new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0});

        assertThat(call.getClass().isHidden()).isFalse();
        assertThat(call.call1("v", "a")).isEqualTo("v+a");
    }

    @Test
    void of_noTemplate_fallsBackToAPlainHandleCall() throws Throwable {
        Call call = Call.of(concat(0), null);

        assertThat(call.getClass().isHidden()).isFalse();
        assertThat(call.call0("v")).isEqualTo("v");
    }

    @Test
    void specializes_inTheAgentsOwnPackage_isTrue() {
        assertThat(Call.specializes()).isTrue();
    }

    @Test
    void methodCall_eachArgumentCount_isCalledThroughAHiddenClass() {
        Fixtures.Overloads overloads = new Fixtures.Overloads();
        String[] sources = {"#p0.toString()", "#p0.describe(#p1)", "#p0.wide(#p1, #p1)", "#p0.join(#p1, #p1, #p1)",
            "#p0.four(#p1, #p1, #p1, #p1)"};
        Object[] expected = {overloads.toString(), "String", "double 2.0", "x:x,x", "xxxx"};

        for (int i = 0; i < sources.length; i++) {
            MethodCallNode node = (MethodCallNode) bind(sources[i], 2);
            Object argument = sources[i].contains("wide") ? (Object) 1.0 : "x";

            assertThat(node.eval(null, overloads, argument, null, null, null)).as(sources[i]).isEqualTo(expected[i]);
            assertThat(node.links().call.getClass().isHidden()).as(sources[i]).isTrue();
        }
    }

    @Test
    void property_linked_isReadThroughAHiddenClass() {
        PropertyNode name = (PropertyNode) bind("#p0.name", 1);

        assertThat(name.eval(null, new Fixtures.Bean(), null, null, null, null)).isEqualTo("bean");
        assertThat(name.links().call.getClass().isHidden()).isTrue();
    }

    @Test
    void methodCall_nonPublicClassThroughItsPublicInterface_isCalledThroughAHiddenClass() {
        MethodCallNode name = (MethodCallNode) bind("#p0.name()", 1);

        assertThat(name.eval(null, Fixtures.hiddenNamed(), null, null, null, null)).isEqualTo("hidden");
        assertThat(name.links().call.getClass().isHidden()).isTrue();
    }

    @Test
    void methodCall_severalReceiverClasses_eachLinkCallsItsOwnClassesMethod() {
        MethodCallNode size = (MethodCallNode) bind("#p0.size()", 1);

        for (int round = 0; round < 2; round++) {
            assertThat(size.eval(null, List.of(1, 2), null, null, null, null)).isEqualTo(2);
            assertThat(size.eval(null, new ArrayList<>(List.of(1)), null, null, null, null)).isEqualTo(1);
            assertThat(size.eval(null, new TreeSet<>(List.of(1, 2, 3)), null, null, null, null)).isEqualTo(3);
        }
        assertThat(size.links().size()).isEqualTo(3);
    }

    @Test
    void methodCall_beyondTheCacheCapacity_staysCorrectWithPlainCalls() {
        MethodCallNode size = (MethodCallNode) bind("#p0.size()", 1);
        List<Object> collections = List.of(
                new ArrayList<>(List.of(1)), new LinkedList<>(List.of(1, 2)), new HashSet<>(List.of(1, 2, 3)),
                new TreeSet<>(List.of(1, 2, 3, 4)), new LinkedHashSet<>(List.of(1, 2, 3, 4, 5)),
                new ArrayDeque<>(List.of(1, 2, 3, 4, 5, 6)), List.of(1, 2, 3, 4, 5, 6, 7), Set.of(1, 2, 3, 4, 5, 6, 7, 8),
                new CopyOnWriteArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9)),
                new ConcurrentLinkedQueue<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < collections.size(); i++) {
                assertThat(size.eval(null, collections.get(i), null, null, null, null)).isEqualTo(i + 1);
            }
        }

        assertThat(size.links().size()).isEqualTo(Link.CAPACITY);
        assertThat(size.links().call.getClass().isHidden()).as("a megamorphic node's newest link").isFalse();
    }

    @Test
    void methodCall_thatThrows_isWrappedAsBefore() {
        MethodCallNode fail = (MethodCallNode) bind("#p0.fail()", 1);

        assertThatThrownBy(() -> fail.eval(null, new Fixtures.Thrower(), null, null, null, null))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0.fail()': fail() threw java.io.IOException")
                .cause().isInstanceOf(java.io.IOException.class);
    }

    @Test
    void methodCall_thatThrowsAVirtualMachineError_isNotWrapped() {
        MethodCallNode exhaust = (MethodCallNode) bind("#p0.exhaust()", 1);

        assertThatThrownBy(() -> exhaust.eval(null, new Fixtures.Thrower(), null, null, null, null))
                .isInstanceOf(OutOfMemoryError.class);
    }
}
