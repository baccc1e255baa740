package dev.cacheagent.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chain of members without arguments whose declared types fix each next receiver's class is fused
 * into one call for the first receiver's class, and gives what the node-by-node path gives: values,
 * null handling, messages and exceptions.
 */
class ChainTest {

    /** A final class whose members return values, nulls or throw, as the test asks. */
    public static final class Text {
        private final String value;

        public Text(String value) {
            this.value = value;
        }

        /** May return null. */
        public String value() {
            return value;
        }

        public Text self() {
            return this;
        }

        /** Throws for a Text without a value. */
        public String checked() {
            if (value == null) {
                throw new IllegalStateException("no value");
            }
            return value;
        }

        /** Throws a virtual machine error for a Text without a value. */
        public String exhausting() {
            if (value == null) {
                throw new OutOfMemoryError("simulated");
            }
            return value;
        }
    }

    private static MemberNode bind(String source) {
        return (MemberNode) Parser.parse(source).root().bind(new Binder(source, Arrays.asList(new String[1]), false));
    }

    private static Object eval(Node node, Object p0) {
        return node.eval(null, p0, null, null, null, null);
    }

    /** The same expression, evaluated by a node that fused nothing yet. */
    private static Object fresh(String source, Object p0) {
        return new Object() {
            Object value() {
                try {
                    return eval(bind(source), p0);
                } catch (EvaluationException e) {
                    return e.getMessage();
                }
            }
        }.value();
    }

    @Test
    void chain_ofTwoMethodsOnStrings_isFusedIntoOneHiddenClassCall() {
        MemberNode key = bind("#p0.trim().toLowerCase()");

        assertThat(eval(key, " Neon-Noir ")).isEqualTo("neon-noir");
        assertThat(eval(key, "Art-Deco")).isEqualTo("art-deco");

        assertThat(key.fused()).isNotSameAs(Chain.NONE);
        assertThat(key.fused().type).isSameAs(String.class);
        assertThat(key.fused().call.getClass().isHidden()).isTrue();
    }

    @Test
    void chain_fused_givesWhatNodeByNodeGives() {
        String source = "#p0.address.city.trim().length()";
        MemberNode chain = bind(source);
        Fixtures.Style style = new Fixtures.Style("s", 1, new Fixtures.Address(" Paris ", "75001"));

        for (int i = 0; i < 3; i++) {
            assertThat(eval(chain, style)).isEqualTo(5).isEqualTo(fresh(source, style));
        }
        assertThat(chain.fused()).isNotSameAs(Chain.NONE);
    }

    @Test
    void chain_ofEachFusedLength_callsItsTemplatesHiddenClass() {
        String[] sources = {"#p0.trim().length()", "#p0.trim().trim().length()", "#p0.trim().trim().trim().length()"};

        for (int i = 0; i < sources.length; i++) {
            MemberNode chain = bind(sources[i]);
            assertThat(eval(chain, " ab ")).isEqualTo(2);
            assertThat(eval(chain, " abc ")).isEqualTo(3);
            assertThat(chain.fused().call.getClass().isHidden()).isTrue();
            assertThat(chain.fused().call.getClass().getName()).startsWith(Chain.class.getPackageName() + ".FusedCall" + (i + 2));
        }
    }

    @Test
    void chain_longerThanTheLongestFused_isNotFusedAndStaysCorrect() {
        MemberNode chain = bind("#p0.trim().trim().trim().trim().length()");

        assertThat(eval(chain, " ab ")).isEqualTo(2);
        assertThat(eval(chain, " abc ")).isEqualTo(3);
        assertThat(chain.fused()).isSameAs(Chain.NONE);
    }

    @Test
    void chain_intermediateNull_failsWithTheNextNodesMessage() {
        MemberNode chain = bind("#p0.value().trim()");
        eval(chain, new Text("a"));

        assertThatThrownBy(() -> eval(chain, new Text(null)))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0.value().trim()': method trim() called on null (write '?.trim(...)' to get null instead)")
                .hasMessage((String) fresh("#p0.value().trim()", new Text(null)));
        assertThat(chain.fused()).isNotSameAs(Chain.NONE);
    }

    @Test
    void chain_intermediateNullBeforeANullSafeCall_isNull() {
        MemberNode chain = bind("#p0.value()?.trim()");
        eval(chain, new Text("a"));

        assertThat(eval(chain, new Text(null))).isNull();
    }

    @Test
    void chain_nullSafeCallThenAPlainOne_failsAtThePlainOne() {
        MemberNode chain = bind("#p0.value()?.trim().length()");
        assertThat(eval(chain, new Text(" ab "))).isEqualTo(2);

        assertThatThrownBy(() -> eval(chain, new Text(null)))
                .hasMessage("'#p0.value()?.trim().length()': method length() called on null"
                        + " (write '?.length(...)' to get null instead)");
    }

    @Test
    void chain_nullFirstReceiver_failsAsNodeByNode() {
        MemberNode chain = bind("#p0.trim().toLowerCase()");
        eval(chain, "a");

        assertThatThrownBy(() -> eval(chain, null))
                .hasMessage("'#p0.trim()': method trim() called on null (write '?.trim(...)' to get null instead)");
        assertThat(eval(bind("#p0?.trim()?.toLowerCase()"), null)).isNull();
    }

    @Test
    void chain_firstMemberThrows_isWrappedAndNamesThatMember() {
        MemberNode chain = bind("#p0.checked().trim()");
        eval(chain, new Text("a"));

        assertThatThrownBy(() -> eval(chain, new Text(null)))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0.checked()': checked() threw java.lang.IllegalStateException")
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("no value");
    }

    @Test
    void chain_laterMemberThrows_isWrappedAndNamesThatMember() {
        MemberNode chain = bind("#p0.self().checked().length()");
        eval(chain, new Text("a"));

        assertThatThrownBy(() -> eval(chain, new Text(null)))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0.self().checked()': checked() threw java.lang.IllegalStateException")
                .hasMessage((String) fresh("#p0.self().checked().length()", new Text(null)));
    }

    @Test
    void chain_memberThrowsAVirtualMachineError_isNotWrapped() {
        MemberNode chain = bind("#p0.self().exhausting().length()");
        eval(chain, new Text("a"));

        assertThatThrownBy(() -> eval(chain, new Text(null))).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void chain_anotherFirstReceiverClass_takesTheNodeByNodePath() {
        MemberNode chain = bind("#p0.toString().length()");

        assertThat(eval(chain, "abc")).isEqualTo(3);
        assertThat(eval(chain, 12345)).isEqualTo(5);
        assertThat(eval(chain, List.of(1))).isEqualTo(3);
        assertThat(eval(chain, "ab")).isEqualTo(2);
        assertThat(chain.fused().type).isSameAs(String.class);
    }

    @Test
    void chain_throughAMemberWhoseTypeIsNotFinal_isNotFused() {
        MemberNode chain = bind("#p0.iterator().hasNext()");

        assertThat(eval(chain, List.of(1))).isEqualTo(true);
        assertThat(eval(chain, List.of())).isEqualTo(false);
        assertThat(chain.fused()).isSameAs(Chain.NONE);
    }

    @Test
    void chain_ofANonPublicClassThroughItsPublicInterface_isFused() {
        MemberNode chain = bind("#p0.name().toUpperCase()");

        assertThat(eval(chain, Fixtures.hiddenNamed())).isEqualTo("HIDDEN");
        assertThat(eval(chain, Fixtures.hiddenNamed())).isEqualTo("HIDDEN");
        assertThat(chain.fused()).isNotSameAs(Chain.NONE);
    }

    @Test
    void chain_memberThePolicyRefuses_failsAsNodeByNode() {
        MemberNode chain = bind("#p0.getClass().getClassLoader()");

        assertThatThrownBy(() -> eval(chain, "a")).isInstanceOf(EvaluationException.class)
                .hasMessage((String) fresh("#p0.getClass().getClassLoader()", "a"));
        assertThat(chain.fused()).isNull();
    }

    @Test
    void chain_sharedByThreads_givesEachCallItsOwnAnswer() throws Exception {
        Evaluator key = Expression.parse("#p0.trim().toLowerCase()").resolve(Arrays.asList(new String[1]), false);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    String name = " Style-" + (i + offset) + " ";
                    Object value = i % 7 == 0 ? (Object) (i + offset) : name;
                    Object expected = value instanceof String ? name.trim().toLowerCase() : null;
                    try {
                        Object got = key.evaluate(null, new Object[] {value}, null);
                        if (!java.util.Objects.equals(expected, got)) {
                            wrong.incrementAndGet();
                        }
                    } catch (EvaluationException e) {
                        if (expected != null) {
                            wrong.incrementAndGet();
                        }
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(wrong).hasValue(0);
    }
}
