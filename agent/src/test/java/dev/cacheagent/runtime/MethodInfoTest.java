package dev.cacheagent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cacheagent.cache.redis.TypeShape;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link MethodInfo}, its {@link MethodInfo.Parameter}s and {@link TypeShape} write out {@code equals} and
 * {@code hashCode} (see MethodInfo): they must still mean what a record's own mean, every component counted.
 */
class MethodInfoTest {
    private static final TypeShape SHAPE = new TypeShape("com.example.Prompt", TypeShape.Kind.CLASS,
            Set.of(TypeShape.Trait.RECORD), Set.of("java.lang.Record"), Set.of("com.example.Json"),
            Set.of("com.example.Creator"), List.of(TypeShape.primitive("int")));
    private static final MethodInfo.Parameter PARAMETER = new MethodInfo.Parameter("styleName", "java.lang.String", true);
    private static final MethodInfo METHOD = new MethodInfo("com.example.Prompts", "get", List.of(PARAMETER),
            "com.example.Prompt", "com.example.Prompt", false, SHAPE);

    @Test
    void equals_sameComponents_isEqualWithTheSameHash() {
        MethodInfo copy = new MethodInfo("com.example.Prompts", "get",
                List.of(new MethodInfo.Parameter("styleName", "java.lang.String", true)), "com.example.Prompt",
                "com.example.Prompt", false, new TypeShape("com.example.Prompt", TypeShape.Kind.CLASS,
                        Set.of(TypeShape.Trait.RECORD), Set.of("java.lang.Record"), Set.of("com.example.Json"),
                        Set.of("com.example.Creator"), List.of(TypeShape.primitive("int"))));

        assertThat(copy).isEqualTo(METHOD).hasSameHashCodeAs(METHOD);
        assertThat(copy).isNotEqualTo(null).isNotEqualTo("get");
    }

    @Test
    void equals_methodsDifferingInAnyOneComponent_areNotEqual() {
        assertThat(List.of(
                new MethodInfo("com.example.Other", "get", List.of(PARAMETER), "com.example.Prompt", "com.example.Prompt",
                        false, SHAPE),
                new MethodInfo("com.example.Prompts", "find", List.of(PARAMETER), "com.example.Prompt",
                        "com.example.Prompt", false, SHAPE),
                new MethodInfo("com.example.Prompts", "get", List.of(), "com.example.Prompt", "com.example.Prompt", false,
                        SHAPE),
                new MethodInfo("com.example.Prompts", "get", List.of(PARAMETER), "java.lang.Object", "com.example.Prompt",
                        false, SHAPE),
                new MethodInfo("com.example.Prompts", "get", List.of(PARAMETER), "com.example.Prompt",
                        "com.example.Prompt<T>", false, SHAPE),
                new MethodInfo("com.example.Prompts", "get", List.of(PARAMETER), "com.example.Prompt",
                        "com.example.Prompt", true, SHAPE),
                new MethodInfo("com.example.Prompts", "get", List.of(PARAMETER), "com.example.Prompt",
                        "com.example.Prompt", false, TypeShape.unknown("com.example.Prompt"))))
                .allSatisfy(other -> assertThat(other).isNotEqualTo(METHOD));
    }

    @Test
    void equals_parametersDifferingInAnyOneComponent_areNotEqual() {
        assertThat(List.of(
                new MethodInfo.Parameter(null, "java.lang.String", true),
                new MethodInfo.Parameter("style", "java.lang.String", true),
                new MethodInfo.Parameter("styleName", "java.lang.CharSequence", true),
                new MethodInfo.Parameter("styleName", "java.lang.String", false)))
                .allSatisfy(other -> assertThat(other).isNotEqualTo(PARAMETER));
        assertThat(new MethodInfo.Parameter(null, "int", true)).isEqualTo(new MethodInfo.Parameter(null, "int", true))
                .hasSameHashCodeAs(new MethodInfo.Parameter(null, "int", true));
    }

    @Test
    void equals_typeShapesDifferingInAnyOneComponent_areNotEqual() {
        assertThat(List.of(
                new TypeShape("com.example.Other", TypeShape.Kind.CLASS, Set.of(TypeShape.Trait.RECORD),
                        Set.of("java.lang.Record"), Set.of("com.example.Json"), Set.of("com.example.Creator"),
                        List.of(TypeShape.primitive("int"))),
                new TypeShape("com.example.Prompt", TypeShape.Kind.UNKNOWN, Set.of(TypeShape.Trait.RECORD),
                        Set.of("java.lang.Record"), Set.of("com.example.Json"), Set.of("com.example.Creator"),
                        List.of(TypeShape.primitive("int"))),
                new TypeShape("com.example.Prompt", TypeShape.Kind.CLASS, Set.of(),
                        Set.of("java.lang.Record"), Set.of("com.example.Json"), Set.of("com.example.Creator"),
                        List.of(TypeShape.primitive("int"))),
                new TypeShape("com.example.Prompt", TypeShape.Kind.CLASS, Set.of(TypeShape.Trait.RECORD),
                        Set.of(), Set.of("com.example.Json"), Set.of("com.example.Creator"),
                        List.of(TypeShape.primitive("int"))),
                new TypeShape("com.example.Prompt", TypeShape.Kind.CLASS, Set.of(TypeShape.Trait.RECORD),
                        Set.of("java.lang.Record"), Set.of(), Set.of("com.example.Creator"),
                        List.of(TypeShape.primitive("int"))),
                new TypeShape("com.example.Prompt", TypeShape.Kind.CLASS, Set.of(TypeShape.Trait.RECORD),
                        Set.of("java.lang.Record"), Set.of("com.example.Json"), Set.of(),
                        List.of(TypeShape.primitive("int"))),
                new TypeShape("com.example.Prompt", TypeShape.Kind.CLASS, Set.of(TypeShape.Trait.RECORD),
                        Set.of("java.lang.Record"), Set.of("com.example.Json"), Set.of("com.example.Creator"),
                        List.of())))
                .allSatisfy(other -> assertThat(other).isNotEqualTo(SHAPE));
    }
}
