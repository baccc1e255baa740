package dev.cacheagent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class CompositeKeyTest {

    enum Color { RED }

    record Point(int x, int y) {}

    @Test
    void ofArguments_noArguments_isTheEmptyString() {
        assertThat(CompositeKey.ofArguments(new Object[0])).isEqualTo("");
    }

    @Test
    void ofArguments_oneArgument_isThatArgument() {
        assertThat(CompositeKey.ofArguments(new Object[] {"classic"})).isSameAs("classic");
    }

    @Test
    void ofArguments_severalArguments_equalWhenEveryArgumentIsEqual() {
        Object a = CompositeKey.ofArguments(new Object[] {"p1", 7L, Color.RED, new Point(1, 2), List.of("x")});
        Object b = CompositeKey.ofArguments(new Object[] {"p1", 7L, Color.RED, new Point(1, 2), List.of("x")});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void ofArguments_severalArguments_differWhenOneArgumentDiffers() {
        Object a = CompositeKey.ofArguments(new Object[] {"p1", 7L});
        Object b = CompositeKey.ofArguments(new Object[] {"p1", 8L});

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void of_arraysWithTheSameContent_areEqual() {
        assertThat(CompositeKey.of(new byte[] {1, 2, 3})).isEqualTo(CompositeKey.of(new byte[] {1, 2, 3}));
        assertThat(CompositeKey.of(new String[] {"a", "b"})).isEqualTo(CompositeKey.of(new String[] {"a", "b"}));
    }

    @Test
    void of_arraysWithDifferentContent_differ() {
        assertThat(CompositeKey.of(new int[] {1, 2})).isNotEqualTo(CompositeKey.of(new int[] {2, 1}));
    }

    @Test
    void ofArguments_arrayArgumentsAndNestedArrays_compareByContent() {
        Object a = CompositeKey.ofArguments(new Object[] {"x", new long[] {1, 2}, new Object[] {"n", new int[] {3}}});
        Object b = CompositeKey.ofArguments(new Object[] {"x", new long[] {1, 2}, new Object[] {"n", new int[] {3}}});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void of_arrayChangedAfterwards_keyKeepsTheContentItWasMadeFrom() {
        byte[] image = {1, 2, 3};
        Object key = CompositeKey.of(image);

        image[0] = 9;

        assertThat(key).isEqualTo(CompositeKey.of(new byte[] {1, 2, 3}));
    }

    @Test
    void ofArguments_nullArguments_areEqualToEachOther() {
        assertThat(CompositeKey.ofArguments(new Object[] {null, "a"}))
                .isEqualTo(CompositeKey.ofArguments(new Object[] {null, "a"}));
    }

    @Test
    void of_nonArrayValue_isTheValueItself() {
        Point point = new Point(1, 2);

        assertThat(CompositeKey.of(point)).isSameAs(point);
        assertThat(CompositeKey.of(null)).isNull();
    }

    @Test
    void ofArguments_passedOneByOne_isTheSameKeyAsFromAnArray() {
        Object[][] calls = {
            {},
            {"neon-noir"},
            {null},
            {"a", 7},
            {"a", null, new int[] {1, 2}},
            {new Object[] {"x", new long[] {3}}, "b", 4.5},
        };
        for (Object[] call : calls) {
            Object a0 = call.length > 0 ? call[0] : null;
            Object a1 = call.length > 1 ? call[1] : null;
            Object a2 = call.length > 2 ? call[2] : null;

            Object oneByOne = CompositeKey.ofArguments(call.length, a0, a1, a2);

            assertThat(oneByOne).as("%d arguments", call.length).isEqualTo(CompositeKey.ofArguments(call));
            assertThat(Objects.hashCode(oneByOne)).isEqualTo(Objects.hashCode(CompositeKey.ofArguments(call)));
        }
    }
}
