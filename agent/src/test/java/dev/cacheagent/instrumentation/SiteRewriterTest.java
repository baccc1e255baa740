package dev.cacheagent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cacheagent.bootstrap.Bridge;
import dev.cacheagent.bootstrap.NoopDispatcher;
import dev.cacheagent.cache.FakeClock;
import dev.cacheagent.config.ConfigException;
import dev.cacheagent.config.Environment;
import dev.cacheagent.config.Rule;
import dev.cacheagent.config.RuleFile;
import dev.cacheagent.config.RuleFileLoader;
import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import dev.cacheagent.runtime.Binding;
import dev.cacheagent.runtime.CacheRuntime;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.objectweb.asm.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Methods rewritten by {@link SiteRewriter}, loaded and run against a real runtime through the bridge:
 * methods of no to three parameters (passed one by one, no array) and of more (passed in an array),
 * primitives, a static and a {@code void} method.
 */
class SiteRewriterTest {
    private static final String RULES = """
            version: 1
            caches:
              prompts: { tier: local, ttl: 1m, maxEntries: 100, staleIfError: 1h }
            rules:
              - name: cached
                match: { type: "dev.cacheagent.instrumentation.SiteRewriterTest$Styles", method: "*" }
                cache: { use: prompts }
              - name: by-style
                match: { type: "dev.cacheagent.instrumentation.SiteRewriterTest$Styles", method: "*" }
                cache: { use: prompts, key: "#style" }
              - name: forget
                match: { type: "dev.cacheagent.instrumentation.SiteRewriterTest$Styles", method: forget }
                evict: [ { cache: prompts, key: "#style" } ]
            """;
    private static final Environment NO_ENVIRONMENT = new Environment() {
        @Override
        public String property(String name) {
            return null;
        }

        @Override
        public String variable(String name) {
            return null;
        }
    };

    /** What the tests call on the instrumented copy of {@link Styles}, loaded by another class loader. */
    public interface StyleCalls {
        String none();

        String one(String style);

        String two(String style, int size);

        String three(String style, int size, long seed);

        String four(String style, int size, long seed, boolean bold);

        void forget(String style);

        int originCalls();

        void outage(boolean down);
    }

    /** The instrumented methods count their calls and fail while {@link #outage} is on. */
    public static class Styles implements StyleCalls {
        private int calls;
        private boolean down;

        @Override
        public String none() {
            return origin("none");
        }

        @Override
        public String one(String style) {
            return origin(style);
        }

        @Override
        public String two(String style, int size) {
            return origin(style + size);
        }

        @Override
        public String three(String style, int size, long seed) {
            return origin(style + size + seed);
        }

        @Override
        public String four(String style, int size, long seed, boolean bold) {
            return origin(style + size + seed + bold);
        }

        @Override
        public void forget(String style) {
            calls++;
        }

        public static String shared(AtomicInteger calls, String style) {
            return style + "-" + calls.incrementAndGet();
        }

        @Override
        public int originCalls() {
            return calls;
        }

        @Override
        public void outage(boolean down) {
            this.down = down;
        }

        private String origin(String text) {
            calls++;
            if (down) {
                throw new IllegalStateException("provider unreachable");
            }
            return text + "-" + calls;
        }
    }

    private final FakeClock clock = new FakeClock();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private CacheRuntime runtime;

    @BeforeEach
    void startRuntime() throws ConfigException {
        RuleFile file = RuleFileLoader.parse(RULES, "rules.yaml", NO_ENVIRONMENT);
        runtime = new CacheRuntime(file, new EventLog() {
            @Override
            public void emit(Event event) {
                events.add(event);
            }

            @Override
            public void close() {}
        }, clock, new Random(1));
        Bridge.dispatcher = runtime;
    }

    @AfterEach
    void stopRuntime() {
        Bridge.dispatcher = NoopDispatcher.INSTANCE;
        runtime.close();
    }

    @Test
    void hit_noArguments_returnsTheStoredValueWithoutRunningTheMethod() {
        StyleCalls styles = instrumented("cached", "none");

        assertThat(styles.none()).isEqualTo("none-1");
        assertThat(styles.none()).isEqualTo("none-1");
        assertThat(styles.originCalls()).isEqualTo(1);
    }

    @Test
    void hit_oneArgument_isKeyedOnThatArgument() {
        StyleCalls styles = instrumented("cached", "one");

        styles.one("noir");
        styles.one("pop");

        assertThat(styles.one("noir")).isEqualTo("noir-1");
        assertThat(styles.one("pop")).isEqualTo("pop-2");
        assertThat(styles.originCalls()).isEqualTo(2);
    }

    @Test
    void hit_twoArgumentsOneOfThemPrimitive_isKeyedOnBoth() {
        StyleCalls styles = instrumented("cached", "two");

        styles.two("noir", 2);
        styles.two("noir", 3);

        assertThat(styles.two("noir", 2)).isEqualTo("noir2-1");
        assertThat(styles.two("noir", 3)).isEqualTo("noir3-2");
        assertThat(styles.originCalls()).isEqualTo(2);
    }

    @Test
    void hit_threeArguments_isKeyedOnAllThree() {
        StyleCalls styles = instrumented("cached", "three");

        styles.three("noir", 2, 7L);
        styles.three("noir", 2, 8L);

        assertThat(styles.three("noir", 2, 8L)).isEqualTo("noir28-2");
        assertThat(styles.originCalls()).isEqualTo(2);
    }

    @Test
    void hit_fourArguments_passesThemInAnArrayAndIsKeyedOnAllFour() {
        StyleCalls styles = instrumented("cached", "four");

        styles.four("noir", 2, 7L, true);
        styles.four("noir", 2, 7L, false);

        assertThat(styles.four("noir", 2, 7L, false)).isEqualTo("noir27false-2");
        assertThat(styles.originCalls()).isEqualTo(2);
    }

    @Test
    void hit_keyExpressionOnAMethodOfMoreThanThreeArguments_readsTheArgumentFromTheArray() {
        StyleCalls styles = instrumented("by-style", "four");

        styles.four("noir", 2, 7L, true);

        assertThat(styles.four("noir", 9, 9L, false)).isEqualTo("noir27true-1");
        assertThat(styles.originCalls()).isEqualTo(1);
    }

    @Test
    void hit_staticMethod_isServedWithoutAReceiver() throws Throwable {
        Method shared = instrumentedType("by-style", "shared").getMethod("shared", AtomicInteger.class, String.class);
        AtomicInteger calls = new AtomicInteger();

        shared.invoke(null, calls, "noir");

        assertThat(shared.invoke(null, calls, "noir")).isEqualTo("noir-1");
        assertThat(calls).hasValue(1);
    }

    @Test
    void miss_runsTheMethodAndStoresWhatItReturned() {
        StyleCalls styles = instrumented("cached", "one");

        assertThat(styles.one("noir")).isEqualTo("noir-1");

        assertThat(runtime.cache("prompts").get("noir").value()).isEqualTo("noir-1");
    }

    @Test
    void voidMethod_runsItsBodyAndItsRulesEvictionAfterwards() {
        StyleCalls styles = instrumented("cached", "one", "forget", "forget");
        styles.one("noir");

        styles.forget("noir");

        assertThat(styles.originCalls()).isEqualTo(2);
        assertThat(styles.one("noir")).isEqualTo("noir-3");
    }

    @Test
    void exception_reachesTheCallerUnchangedAndNothingIsStored() {
        StyleCalls styles = instrumented("cached", "two");
        styles.outage(true);

        Throwable thrown = catchThrowable(() -> styles.two("noir", 2));

        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("provider unreachable");
        styles.outage(false);
        assertThat(styles.two("noir", 2)).isEqualTo("noir2-2");
    }

    @Test
    void exception_withAnExpiredValueStillServable_isReplacedByThatValue() {
        StyleCalls styles = instrumented("cached", "one");
        styles.one("noir");
        clock.advance(Duration.ofMinutes(2));
        styles.outage(true);

        assertThat(styles.one("noir")).isEqualTo("noir-1");
        assertThat(styles.originCalls()).isEqualTo(2);
    }

    @Test
    void hit_ofAMethodOfOneArgument_allocatesNothing() {
        StyleCalls styles = instrumented("cached", "one");
        styles.one("noir");

        double perHit = allocatedPerCall(() -> styles.one("noir"));

        // Less than a byte a hit: no argument array (it was 24 B) and no key; what is left is one-off.
        assertThat(perHit).isLessThan(1.0);
    }

    @Test
    void hit_primitiveArgumentOutsideTheBoxCache_allocatesNothingButItsBox() {
        StyleCalls styles = instrumented("by-style", "two");
        styles.two("noir", 1000);

        double perHit = allocatedPerCall(() -> styles.two("noir", 1000));

        // The int reaches the bridge boxed (Integer.valueOf: 16 B outside -128..127): the only allocation.
        assertThat(perHit).isLessThan(17.0);
    }

    /** Bytes this thread allocates per call of {@code call}, over many calls after as many to warm up. */
    private static double allocatedPerCall(Runnable call) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int calls = 200_000;
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        return (double) (threads.getCurrentThreadAllocatedBytes() - before) / calls;
    }

    /** An instance of a copy of {@link Styles} whose named methods are rewritten for the rule named before each. */
    private StyleCalls instrumented(String... ruleThenMethod) {
        try {
            return (StyleCalls) instrumentedType(ruleThenMethod).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Binds each named method as the Instrumenter does and rewrites it with the site it was bound to. */
    private Class<?> instrumentedType(String... ruleThenMethod) {
        Map<String, Integer> sites = new HashMap<>();
        for (int i = 0; i < ruleThenMethod.length; i += 2) {
            Rule rule = rule(ruleThenMethod[i]);
            String name = ruleThenMethod[i + 1];
            Method method = Arrays.stream(Styles.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                    .findFirst().orElseThrow();
            Binding binding = runtime.bind(List.of(rule), RewrittenClasses.methodInfo(method));
            assertThat(binding).isInstanceOf(Binding.Bound.class);
            sites.put(name + Type.getMethodDescriptor(method), ((Binding.Bound) binding).site());
        }
        return RewrittenClasses.load(Styles.class, sites);
    }

    private Rule rule(String name) {
        return runtime.config().rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
