package dev.cacheagent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.cacheagent.bootstrap.Bridge;
import dev.cacheagent.bootstrap.Dispatcher;
import dev.cacheagent.bootstrap.Hit;
import dev.cacheagent.bootstrap.NoopDispatcher;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The bytecode {@link SiteRewriter} writes, over method shapes the compiler makes in real code (primitive
 * and {@code void} returns, longs and doubles among the parameters, loops, several returns, the method's own
 * exception handlers, {@code synchronized}), each loaded by a class loader of its own so that the JVM
 * verifies it. A dispatcher written for the test stands in for the runtime, to say exactly what the bridge
 * answers and to record what it is told.
 */
class SiteRewriterShapesTest {
    private static final int SITE = 7;

    /** Methods of the shapes that matter to the rewrite; each counts the calls that reach its body. */
    public static class Shapes {
        public int bodyRuns;

        public int length(String text) {
            bodyRuns++;
            return text.length();
        }

        public long mix(long seed, double weight, int rounds) {
            bodyRuns++;
            long value = seed;
            for (int i = 0; i < rounds; i++) {
                value = value * 31 + (long) weight;
            }
            return value;
        }

        public double ratio(String text) {
            bodyRuns++;
            return text.length() / 2.0;
        }

        public boolean isEmpty(String text) {
            bodyRuns++;
            return text.isEmpty();
        }

        public char initial(String text) {
            bodyRuns++;
            return text.charAt(0);
        }

        public String firstLong(String[] words) {
            bodyRuns++;
            for (String word : words) {
                if (word.length() > 3) {
                    return word;
                }
            }
            if (words.length == 0) {
                return "none";
            }
            return words[0];
        }

        public String parse(String number) {
            bodyRuns++;
            try {
                return "n" + Integer.parseInt(number);
            } catch (NumberFormatException e) {
                return "not a number";
            } finally {
                bodyRuns += 10;
            }
        }

        public synchronized String locked(String text) {
            bodyRuns++;
            return text + "!";
        }

        public void fail(String reason) {
            bodyRuns++;
            throw new IllegalStateException(reason);
        }

        public String failWithValue(String reason) {
            bodyRuns++;
            throw new IllegalStateException(reason);
        }

        public void nothing() {}

        public static String joined(String a, long b, double c, int d, String e) {
            return a + b + c + d + e;
        }
    }

    /** An interface's own code: a default and a static method. */
    public interface Greeter {
        default String greet(String name) {
            return "hello " + name;
        }

        static String shout(String name) {
            return name.toUpperCase() + "!";
        }
    }

    /** Implements {@link Greeter} without overriding it. */
    public static class PlainGreeter implements Greeter {}

    /** What the bridge answers, and what it was told. */
    private static final class TestDispatcher implements Dispatcher {
        Function<Object[], Object> onEnter = arguments -> "context";
        Object exitOutcome;
        boolean exitReturnsWhatItGets = true;
        final List<Object[]> entered = new ArrayList<>();
        final List<Object[]> exited = new ArrayList<>();

        @Override
        public Object enter(int site, Object receiver, Object a0, Object a1, Object a2) {
            entered.add(new Object[] {site, receiver, a0, a1, a2});
            return onEnter.apply(new Object[] {a0, a1, a2});
        }

        @Override
        public Object enter(int site, Object receiver, Object[] args) {
            entered.add(new Object[] {site, receiver, args});
            return onEnter.apply(args);
        }

        @Override
        public Object exit(int site, Object context, Object returned, Throwable thrown) {
            exited.add(new Object[] {site, context, returned, thrown});
            return exitReturnsWhatItGets ? returned : exitOutcome;
        }
    }

    private final TestDispatcher dispatcher = new TestDispatcher();

    @AfterEach
    void restoreBridge() {
        Bridge.dispatcher = NoopDispatcher.INSTANCE;
    }

    @Test
    void hit_intReturn_isUnboxedAndSkipsTheBody() throws Exception {
        Object shapes = rewritten("length");
        dispatcher.onEnter = arguments -> new Hit(42);

        assertThat(call(shapes, "length", "abc")).isEqualTo(42);
        assertThat(bodyRuns(shapes)).isZero();
    }

    @Test
    void hit_doubleBooleanAndCharReturns_areUnboxed() throws Exception {
        Object shapes = rewritten("ratio", "isEmpty", "initial");

        dispatcher.onEnter = arguments -> new Hit(0.25);
        assertThat(call(shapes, "ratio", "abcd")).isEqualTo(0.25);
        dispatcher.onEnter = arguments -> new Hit(true);
        assertThat(call(shapes, "isEmpty", "abcd")).isEqualTo(true);
        dispatcher.onEnter = arguments -> new Hit('z');
        assertThat(call(shapes, "initial", "abcd")).isEqualTo('z');
        assertThat(bodyRuns(shapes)).isZero();
    }

    @Test
    void miss_longAndDoubleParameters_reachTheBridgeBoxedAndTheBodyKeepsItsLocals() throws Exception {
        Object shapes = rewritten("mix");

        Object result = call(shapes, "mix", 3L, 2.5, 4);

        assertThat(result).isEqualTo(new Shapes().mix(3L, 2.5, 4));
        assertThat(dispatcher.entered.get(0)).containsExactly(SITE, shapes, 3L, 2.5, 4);
        assertThat(dispatcher.exited.get(0)).containsExactly(SITE, "context", result, null);
    }

    @Test
    void miss_valueTheBridgeReturnsOnExit_isWhatTheCallerGets() throws Exception {
        Object shapes = rewritten("length");
        dispatcher.exitReturnsWhatItGets = false;
        dispatcher.exitOutcome = 99;

        assertThat(call(shapes, "length", "abc")).isEqualTo(99);
    }

    @Test
    void miss_methodWithSeveralReturnsAndALoop_exitsOnceThroughEachReturn() throws Exception {
        Object shapes = rewritten("firstLong");

        assertThat(call(shapes, "firstLong", (Object) new String[] {"a", "long", "longer"})).isEqualTo("long");
        assertThat(call(shapes, "firstLong", (Object) new String[] {})).isEqualTo("none");
        assertThat(call(shapes, "firstLong", (Object) new String[] {"a", "b"})).isEqualTo("a");
        assertThat(dispatcher.exited).extracting(exit -> exit[2]).containsExactly("long", "none", "a");
    }

    @Test
    void exception_caughtByTheMethodsOwnHandler_neverReachesTheBridge() throws Exception {
        Object shapes = rewritten("parse");

        assertThat(call(shapes, "parse", "x1")).isEqualTo("not a number");
        assertThat(call(shapes, "parse", "12")).isEqualTo("n12");
        assertThat(bodyRuns(shapes)).isEqualTo(22);
        assertThat(dispatcher.exited).extracting(exit -> exit[2], exit -> exit[3])
                .containsExactly(tuple("not a number", null),
                        tuple("n12", null));
    }

    @Test
    void hit_synchronizedMethod_returnsAndLeavesTheMonitorFree() throws Exception {
        Object shapes = rewritten("locked");
        dispatcher.onEnter = arguments -> new Hit("cached");

        assertThat(call(shapes, "locked", "a")).isEqualTo("cached");
        assertThat(Thread.holdsLock(shapes)).isFalse();
    }

    @Test
    void exception_fromTheBody_reachesTheBridgeOnceAndTheCallerUnchanged() throws Exception {
        Object shapes = rewritten("fail");

        Throwable thrown = catchThrowable(() -> call(shapes, "fail", "down"));

        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("down");
        assertThat(dispatcher.exited).hasSize(1);
        assertThat(dispatcher.exited.get(0)[3]).isSameAs(thrown);
    }

    @Test
    void exception_theBridgeAnswersWithAHit_isReplacedByItsValue() throws Exception {
        Object shapes = rewritten("failWithValue");
        dispatcher.exitReturnsWhatItGets = false;
        dispatcher.exitOutcome = new Hit("stale");

        assertThat(call(shapes, "failWithValue", "down")).isEqualTo("stale");
    }

    @Test
    void exception_ofAVoidMethod_isRethrownWhateverTheBridgeAnswers() throws Exception {
        Object shapes = rewritten("fail");
        dispatcher.exitReturnsWhatItGets = false;
        dispatcher.exitOutcome = new Hit("stale");

        assertThat(catchThrowable(() -> call(shapes, "fail", "down"))).hasMessage("down");
    }

    @Test
    void emptyVoidMethod_entersAndExits() throws Exception {
        Object shapes = rewritten("nothing");

        call(shapes, "nothing");

        assertThat(dispatcher.entered).hasSize(1);
        assertThat(dispatcher.exited).hasSize(1);
    }

    @Test
    void staticMethodOfFiveParameters_passesNoReceiverAndTheArgumentsInAnArray() throws Exception {
        Class<?> type = rewrittenType(SITE, "joined");

        Object result = type.getMethod("joined", String.class, long.class, double.class, int.class, String.class)
                .invoke(null, "a", 1L, 2.0, 3, "e");

        assertThat(result).isEqualTo("a12.03e");
        assertThat(dispatcher.entered.get(0)[1]).isNull();
        assertThat((Object[]) dispatcher.entered.get(0)[2]).containsExactly("a", 1L, 2.0, 3, "e");
    }

    @Test
    void siteNumber_beyondTheShortRange_reachesTheBridge() throws Exception {
        Object shapes = rewrittenType(100_000, "length").getConstructor().newInstance();

        call(shapes, "length", "abc");

        assertThat(dispatcher.entered.get(0)[0]).isEqualTo(100_000);
    }

    @Test
    void dispatcherThatThrowsOnEntry_leavesTheMethodAnsweringAsWithoutTheAgent() throws Exception {
        Class<?> type = rewrittenType(SITE, "joined");
        Bridge.dispatcher = new BrokenDispatcher("context");

        Object result = type.getMethod("joined", String.class, long.class, double.class, int.class, String.class)
                .invoke(null, "a", 1L, 2.0, 3, "e");

        assertThat(result).isEqualTo("a12.03e");
    }

    @Test
    void dispatcherThatThrowsOnExit_leavesTheMethodAnsweringAsWithoutTheAgent() throws Exception {
        Object shapes = rewritten("length", "fail");
        Bridge.dispatcher = new BrokenDispatcher("context");

        assertThat(call(shapes, "length", "abcd")).isEqualTo(4);
        assertThat(catchThrowable(() -> call(shapes, "fail", "down"))).hasMessage("down");
        assertThat(bodyRuns(shapes)).isEqualTo(2);
    }

    /** Enters methods of up to three parameters with {@code context}; throws everywhere else. */
    private record BrokenDispatcher(Object context) implements Dispatcher {
        @Override
        public Object enter(int site, Object receiver, Object a0, Object a1, Object a2) {
            return context;
        }

        @Override
        public Object enter(int site, Object receiver, Object[] args) {
            throw new IllegalStateException("broken");
        }

        @Override
        public Object exit(int site, Object context, Object returned, Throwable thrown) {
            throw new IllegalStateException("broken");
        }
    }

    @Test
    void interfaceDefaultAndStaticMethods_areRewrittenAndVerified() throws Exception {
        Map<String, Integer> sites = new HashMap<>();
        for (Method method : Greeter.class.getDeclaredMethods()) {
            sites.put(method.getName() + Type.getMethodDescriptor(method), SITE);
        }
        Bridge.dispatcher = dispatcher;
        List<Class<?>> copies = RewrittenClasses.load(Greeter.class, sites, List.of(PlainGreeter.class));
        Object greeter = copies.get(1).getConstructor().newInstance();
        dispatcher.onEnter = arguments -> "noir".equals(arguments[0]) ? new Hit("cached") : "context";

        assertThat(copies.get(0).getMethod("greet", String.class).invoke(greeter, "noir")).isEqualTo("cached");
        assertThat(copies.get(0).getMethod("greet", String.class).invoke(greeter, "pop")).isEqualTo("hello pop");
        assertThat(copies.get(0).getMethod("shout", String.class).invoke(null, "pop")).isEqualTo("POP!");
        assertThat(dispatcher.entered).extracting(entry -> entry[1]).containsExactly(greeter, greeter, null);
    }

    @Test
    void classFileOlderThanJava6_isRewrittenWithoutStackMapFrames() throws Exception {
        byte[] java5 = java5ClassWithABranch();
        byte[] rewritten = SiteRewriter.rewrite(java5, Map.of("pick(Ljava/lang/String;)Ljava/lang/String;", SITE));
        Bridge.dispatcher = dispatcher;
        Class<?> type = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass("fixture.Java5", rewritten, 0, rewritten.length);
            }
        }.define();
        Method pick = type.getMethod("pick", String.class);

        assertThat(pick.invoke(null, (Object) null)).isEqualTo("none");
        assertThat(pick.invoke(null, "noir")).isEqualTo("noir");
        assertThat(dispatcher.exited).extracting(exit -> exit[2]).containsExactly("none", "noir");
    }

    /** {@code public static String pick(String s) { if (s == null) return "none"; return s; }}, class file version 49. */
    private static byte[] java5ClassWithABranch() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC, "fixture/Java5", null,
                "java/lang/Object", null);
        MethodVisitor pick = writer.visitMethod(
                Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "pick",
                "(Ljava/lang/String;)Ljava/lang/String;", null, null);
        pick.visitCode();
        Label given = new Label();
        pick.visitVarInsn(Opcodes.ALOAD, 0);
        pick.visitJumpInsn(Opcodes.IFNONNULL, given);
        pick.visitLdcInsn("none");
        pick.visitInsn(Opcodes.ARETURN);
        pick.visitLabel(given);
        pick.visitVarInsn(Opcodes.ALOAD, 0);
        pick.visitInsn(Opcodes.ARETURN);
        pick.visitMaxs(0, 0);
        pick.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    @Test
    void methodWithoutASite_neverCallsTheBridge() throws Exception {
        Object shapes = rewritten("length");

        assertThat(call(shapes, "ratio", "abcd")).isEqualTo(2.0);
        assertThat(dispatcher.entered).isEmpty();
    }

    private Object rewritten(String... methods) throws ReflectiveOperationException {
        return rewrittenType(SITE, methods).getConstructor().newInstance();
    }

    private Class<?> rewrittenType(int site, String... methods) {
        Map<String, Integer> sites = new HashMap<>();
        for (Method method : Shapes.class.getDeclaredMethods()) {
            if (Arrays.asList(methods).contains(method.getName())) {
                sites.put(method.getName() + Type.getMethodDescriptor(method), site);
            }
        }
        assertThat(sites).hasSize(methods.length);
        Bridge.dispatcher = dispatcher;
        return RewrittenClasses.load(Shapes.class, sites);
    }

    private static Object call(Object target, String name, Object... arguments) throws Exception {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name)) {
                try {
                    return method.invoke(target, arguments);
                } catch (InvocationTargetException e) {
                    throw (Exception) e.getCause();
                }
            }
        }
        throw new AssertionError("no method " + name);
    }

    private static int bodyRuns(Object shapes) throws ReflectiveOperationException {
        return shapes.getClass().getField("bodyRuns").getInt(shapes);
    }
}
