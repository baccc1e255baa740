package dev.cacheagent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCheckTest {

    public static final class Outer {
        public static final class Inner {}
    }

    private static ValueCheck string() {
        return ValueCheck.forMethod(ReturnKind.VALUE, "java.lang.String", "java.lang.String");
    }

    @Test
    void accepts_valueOfTheReturnType() {
        assertThat(string().accepts("x")).isTrue();
    }

    @Test
    void accepts_valueOfASubtypeOrImplementation() {
        ValueCheck list = ValueCheck.forMethod(ReturnKind.VALUE, "java.util.List", "java.util.List<java.lang.String>");

        assertThat(list.accepts(new ArrayList<>())).isTrue();
        assertThat(list.accepts(List.of("a"))).isTrue();
    }

    @Test
    void refuses_valueOfAnotherType() {
        assertThat(string().accepts(42)).isFalse();
    }

    @Test
    void primitiveReturn_acceptsItsBoxAndRefusesNull() {
        ValueCheck check = ValueCheck.forMethod(ReturnKind.VALUE, "int", "int");

        assertThat(check.accepts(42)).isTrue();
        assertThat(check.accepts(42L)).isFalse();
        assertThat(check.accepts(null)).isFalse();
    }

    @Test
    void referenceReturn_acceptsNull() {
        assertThat(string().accepts(null)).isTrue();
    }

    @Test
    void objectOrTypeVariable_acceptsAnything() {
        assertThat(ValueCheck.forMethod(ReturnKind.VALUE, "java.lang.Object", "T").accepts(42)).isTrue();
        assertThat(ValueCheck.forMethod(ReturnKind.OPTIONAL, "java.util.Optional", "java.util.Optional<T>").accepts(42))
                .isTrue();
    }

    @Test
    void optional_checksTheTypeInside() {
        ValueCheck check = ValueCheck.forMethod(ReturnKind.OPTIONAL, "java.util.Optional",
                "java.util.Optional<java.util.List<java.lang.String>>");

        assertThat(check.accepts(List.of("a"))).isTrue();
        assertThat(check.accepts("a")).isFalse();
    }

    @Test
    void nestedClass_matchesWhicheverSeparatorTheNameUses() {
        String binary = Outer.Inner.class.getName();

        assertThat(ValueCheck.forMethod(ReturnKind.VALUE, binary, binary).accepts(new Outer.Inner())).isTrue();
        assertThat(ValueCheck.forMethod(ReturnKind.FUTURE, "java.util.concurrent.CompletableFuture",
                "java.util.concurrent.CompletableFuture<" + binary.replace('$', '.') + ">").accepts(new Outer.Inner()))
                .isTrue();
    }

    @Test
    void arrayReturn_acceptsAnArrayOfThatType() {
        ValueCheck check = ValueCheck.forMethod(ReturnKind.VALUE, "java.lang.String[]", "java.lang.String[]");

        assertThat(check.accepts(new String[] {"a"})).isTrue();
        assertThat(check.accepts(new Integer[] {1})).isFalse();
    }
}
