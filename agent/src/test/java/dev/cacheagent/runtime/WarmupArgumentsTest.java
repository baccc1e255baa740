package dev.cacheagent.runtime;

import static dev.cacheagent.runtime.TestRules.methodOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Warm-up argument lists, plain YAML values, fitted to a method's parameters. */
class WarmupArgumentsTest {

    private static MethodInfo taking(String... parameters) {
        return methodOf("com.example.Images", "generate", "java.lang.String", "java.lang.String", parameters);
    }

    private static Object[] fit(MethodInfo method, Object... values) throws WarmupArguments.Misfit {
        return WarmupArguments.fit(Arrays.asList(values), null, method);
    }

    @Test
    void fit_wholeNumbers_becomeTheParametersNumberTypes() throws Exception {
        MethodInfo method = taking("int width", "java.lang.Long id", "short s", "byte b", "double ratio",
                "java.lang.Float f");

        Object[] args = fit(method, 1024L, 7L, 3L, 2L, 16L, 1L);

        assertThat(args).containsExactly(1024, 7L, (short) 3, (byte) 2, 16.0, 1.0f);
    }

    @Test
    void fit_decimalsAndBigNumbers_becomeBigDecimalAndBigInteger() throws Exception {
        Object[] args = fit(taking("java.math.BigDecimal price", "java.math.BigInteger id"), 19.99, 42L);

        assertThat(args).containsExactly(new BigDecimal("19.99"), BigInteger.valueOf(42));
    }

    @Test
    void fit_numbersAndBooleansForAString_becomeTheirText() throws Exception {
        assertThat(fit(taking("java.lang.String a", "java.lang.String b"), 2024L, true))
                .containsExactly("2024", "true");
    }

    @Test
    void fit_decimalForAString_mustBeQuoted() {
        assertThatThrownBy(() -> fit(taking("java.lang.String version"), 1.5))
                .hasMessage("argument 1 (1.5) does not fit parameter version (java.lang.String) of"
                        + " com.example.Images#generate: a decimal written as a number may not keep its text — quote"
                        + " it, e.g. \"1.5\"");
    }

    @Test
    void fit_nullForAPrimitive_isAMisfit() {
        assertThatThrownBy(() -> fit(taking("int width"), (Object) null)).hasMessageContaining(
                "null cannot be passed as a int — write a value");
    }

    @Test
    void fit_nullForAnObject_isPassedAsNull() throws Exception {
        assertThat(fit(taking("java.lang.String style"), (Object) null)).containsExactly((Object) null);
    }

    @Test
    void fit_numberOutOfItsParametersRange_isAMisfit() {
        assertThatThrownBy(() -> fit(taking("int width"), 3_000_000_000L)).hasMessageContaining(
                "out of range — write a whole number from -2147483648 to 2147483647");
    }

    @Test
    void fit_textForANumber_isAMisfit() {
        assertThatThrownBy(() -> fit(taking("int width"), "wide")).hasMessageContaining(
                "argument 1 ('wide') does not fit parameter width (int)");
    }

    @Test
    void fit_wrongNumberOfArguments_isAMisfitThatShowsTheParameters() {
        assertThatThrownBy(() -> fit(taking("java.lang.String prompt", "int width"), "fox")).hasMessage(
                "has 1 argument(s) but com.example.Images#generate takes 2 (java.lang.String prompt, int width) — give"
                        + " one value per parameter");
    }

    @Test
    void fit_enumByName_onceTheParameterTypeIsLoaded() throws Exception {
        MethodInfo method = taking("java.time.DayOfWeek day");

        Object[] args = WarmupArguments.fit(List.of("MONDAY"), new Class<?>[] {DayOfWeek.class}, method);

        assertThat(args).containsExactly(DayOfWeek.MONDAY);
    }

    @Test
    void fit_unknownEnumName_isAMisfitListingTheNames() {
        assertThatThrownBy(() -> WarmupArguments.fit(List.of("FUNDAY"), new Class<?>[] {DayOfWeek.class},
                taking("java.time.DayOfWeek day"))).hasMessageContaining("write one of [MONDAY, TUESDAY");
    }

    @Test
    void misfits_typesKnownOnlyOnceLoaded_areLeftForLater() {
        assertThat(WarmupArguments.misfits(List.of(List.of("MONDAY")), taking("java.time.DayOfWeek day"))).isEmpty();
    }

    @Test
    void misfits_nameEachListThatCannotFit() {
        Map<Integer, String> misfits = WarmupArguments.misfits(
                List.of(List.of("fox"), List.of("fox", 2L), List.of(1.5)), taking("java.lang.String prompt"));

        assertThat(misfits).containsOnlyKeys(1, 2);
        assertThat(misfits.get(1)).startsWith("warmup[1] has 2 argument(s)");
        assertThat(misfits.get(2)).startsWith("warmup[2] argument 1 (1.5)");
    }

    @Test
    void fit_applicationTypeThatYamlCannotWrite_isAMisfit() {
        assertThatThrownBy(() -> WarmupArguments.fit(List.of("x"), new Class<?>[] {Thread.class},
                taking("java.lang.Thread worker"))).hasMessageContaining(
                        "a java.lang.Thread cannot be written in a rule file");
    }
}
