package dev.cacheagent.expression;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Members are looked up once per receiver class and node, then called straight from the node's
 * inline cache.
 */
class InlineCacheTest {

    private static Node bind(String source, int parameters) {
        return Parser.parse(source).root().bind(new Binder(source, Arrays.asList(new String[parameters]), false));
    }

    /** Twelve collection classes, each of a different size. */
    private static List<Object> collections() {
        return List.of(
                new ArrayList<>(List.of(1)), new LinkedList<>(List.of(1, 2)), new HashSet<>(List.of(1, 2, 3)),
                new TreeSet<>(List.of(1, 2, 3, 4)), new LinkedHashSet<>(List.of(1, 2, 3, 4, 5)),
                new ArrayDeque<>(List.of(1, 2, 3, 4, 5, 6)), List.of(1, 2, 3, 4, 5, 6, 7), Set.of(1, 2, 3, 4, 5, 6, 7, 8),
                new CopyOnWriteArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9)),
                new ConcurrentLinkedQueue<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
                Arrays.asList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12).subList(0, 12));
    }

    @Test
    void methodCall_sameReceiverClass_reusesTheLinkedMethod() {
        MethodCallNode trim = (MethodCallNode) bind("#p0.trim()", 1);
        trim.eval(null, " a ", null, null, null, null);
        Link<MemberLookup.Invoker> linked = trim.links();

        Object second = trim.eval(null, " b ", null, null, null, null);

        assertThat(second).isEqualTo("b");
        assertThat(trim.links()).isSameAs(linked);
        assertThat(linked.size()).isEqualTo(1);
    }

    @Test
    void property_sameReceiverClass_reusesTheLinkedGetter() {
        PropertyNode name = (PropertyNode) bind("#p0.name", 1);
        name.eval(null, new Fixtures.Bean(), null, null, null, null);
        Link<MemberLookup.Getter> linked = name.links();

        name.eval(null, new Fixtures.Bean(), null, null, null, null);

        assertThat(name.links()).isSameAs(linked);
    }

    @Test
    void methodCall_severalReceiverClasses_linksEachOnce() {
        MethodCallNode size = (MethodCallNode) bind("#p0.size()", 1);
        List<Object> three = collections().subList(0, 3);

        for (int round = 0; round < 3; round++) {
            for (Object collection : three) {
                size.eval(null, collection, null, null, null, null);
            }
        }

        assertThat(size.links().size()).isEqualTo(3);
    }

    @Test
    void methodCall_differentArgumentClasses_linkSeparately() {
        MethodCallNode describe = (MethodCallNode) bind("#p0.describe(#p1)", 2);
        Fixtures.Overloads overloads = new Fixtures.Overloads();

        describe.eval(null, overloads, 1, null, null, null);
        Object text = describe.eval(null, overloads, "x", null, null, null);

        assertThat(text).isEqualTo("String");
        assertThat(describe.links().size()).isEqualTo(2);
    }

    @Test
    void methodCall_moreReceiverClassesThanTheCacheHolds_staysCorrectAndBounded() {
        MethodCallNode size = (MethodCallNode) bind("#p0.size()", 1);
        List<Object> collections = collections();

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < collections.size(); i++) {
                assertThat(size.eval(null, collections.get(i), null, null, null, null)).isEqualTo(i + 1);
            }
        }

        assertThat(size.links().size()).isEqualTo(Link.CAPACITY);
    }

    @Test
    void evaluator_sharedByThreads_givesEachCallItsOwnAnswer() throws Exception {
        Evaluator size = Expression.parse("#p0.size() + ':' + #p0.getClass().getSimpleName()")
                .resolve(Arrays.asList(new String[1]), false);
        List<Object> collections = collections();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                mismatches.add(threads.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 2_000; i++) {
                        Object collection = collections.get((i + offset) % collections.size());
                        String expected = ((java.util.Collection<?>) collection).size() + ":"
                                + collection.getClass().getSimpleName();
                        if (!expected.equals(size.evaluate(null, new Object[] {collection}, null))) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> wrong : mismatches) {
                assertThat(wrong.get()).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
