package dev.cacheagent.expression;

import static dev.cacheagent.expression.Evaluate.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cacheagent.expression.Fixtures.Address;
import dev.cacheagent.expression.Fixtures.Bean;
import dev.cacheagent.expression.Fixtures.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code a.b}: getters, is-getters, record components and public fields, in SpEL's order. */
class PropertyTest {
    private final Style style = new Style("Watercolor", 2, new Address("Oslo", "0150"));

    @Test
    void getter_isRead() {
        assertThat(eval("#p0.name", new Bean())).isEqualTo("bean");
    }

    @Test
    void isGetter_returningBoolean_isRead() {
        assertThat(eval("#p0.active", new Bean())).isEqualTo(true);
    }

    @Test
    void isGetter_returningBoxedBoolean_isRead() {
        assertThat(eval("#p0.boxed", new Bean())).isEqualTo(true);
    }

    @Test
    void isMethod_notReturningBoolean_isNotAGetter() {
        assertThatThrownBy(() -> eval("#p0.weird", new Bean()))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("no property 'weird'");
    }

    @Test
    void recordComponent_isRead() {
        assertThat(eval("#p0.name", style)).isEqualTo("Watercolor");
    }

    @Test
    void nestedRecordComponents_areReadInAChain() {
        assertThat(eval("#p0.address.city", style)).isEqualTo("Oslo");
    }

    @Test
    void recordComponent_ofAPublicRecordNestedInAPackagePrivateClass_isRead() {
        assertThat(eval("#p0.id", new PackagePrivateOuter.Request("r-1", 4))).isEqualTo("r-1");
    }

    @Test
    void primitiveComponent_isBoxed() {
        assertThat(eval("#p0.weight", style)).isEqualTo(2);
    }

    @Test
    void publicField_isRead() {
        assertThat(eval("#p0.count", new Bean())).isEqualTo(3);
    }

    @Test
    void getter_winsOverAccessorAndField() {
        assertThat(eval("#p0.value", new Fixtures.Ambiguous())).isEqualTo("getter");
    }

    @Test
    void accessor_winsOverField() {
        assertThat(eval("#p0.value", new Fixtures.AccessorAndField())).isEqualTo("accessor");
    }

    @Test
    void upperCaseName_usesTheGetterAsSpelled() {
        assertThat(eval("#p0.URL", new Bean())).isEqualTo("http://example.com");
    }

    @Test
    void nameWithUpperCaseSecondLetter_findsTheJavaBeansGetter() {
        assertThat(eval("#p0.xCoord", new Bean())).isEqualTo("x");
    }

    @Test
    void noArgumentMethod_isReadAsAProperty_asInSpel() {
        assertThat(eval("#p0.size", List.of(1, 2))).isEqualTo(2);
        assertThat(eval("#p0.empty", "")).isEqualTo(true);
    }

    @Test
    void mapEntry_asAProperty_failsSuggestingTheIndex() {
        assertThatThrownBy(() -> eval("#p0.style", java.util.Map.of("style", "oil")))
                .isInstanceOf(EvaluationException.class)
                .hasMessageEndingWith("; for the map's entry, write ['style']");
    }

    @Test
    void arrayLength_isRead() {
        assertThat(eval("#p0.length", (Object) new String[3])).isEqualTo(3);
    }

    @Test
    void staticGetter_isNotAProperty() {
        assertThatThrownBy(() -> eval("#p0.static", new Bean()))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0.static': no property 'static' on " + Bean.class.getName()
                        + ": looked for public getStatic(), isStatic(), static() and a public field static");
    }

    @Test
    void propertyOfAPublicInterface_isReadOnANonPublicClass() {
        assertThat(eval("#p0.name", Fixtures.hiddenNamed())).isEqualTo("hidden");
    }

    @Test
    void class_name_isRead() {
        assertThat(eval("#p0.class.simpleName", "x")).isEqualTo("String");
    }

    @Test
    void property_onNull_failsNamingThePropertyAndTheFix() {
        assertThatThrownBy(() -> eval("#p0.name", (Object) null))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0.name': property 'name' read on null (write '?.name' to get null instead)");
    }

    @Test
    void nullSafeProperty_onNull_isNull() {
        assertThat(eval("#p0?.name", (Object) null)).isNull();
    }

    @Test
    void nullSafeProperty_onAValue_isTheProperty() {
        assertThat(eval("#p0?.name", style)).isEqualTo("Watercolor");
    }

    @Test
    void nullSafety_coversOneStep_asInSpel() {
        assertThatThrownBy(() -> eval("#p0?.address.city", (Object) null))
                .isInstanceOf(EvaluationException.class)
                .hasMessageStartingWith("'#p0?.address.city': property 'city' read on null");
    }

    @Test
    void nullSafeChain_isNullAllTheWay() {
        assertThat(eval("#p0?.address?.city", new Style("x", 1, null))).isNull();
    }

    @Test
    void getter_thatThrows_failsWithTheExceptionAsCause() {
        assertThatThrownBy(() -> eval("#p0.broken", new Fixtures.Thrower()))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("'#p0.broken': getBroken() threw java.lang.IllegalStateException")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
