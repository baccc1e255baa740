package dev.cacheagent.runtime;

import dev.cacheagent.cache.redis.TypeShape;
import java.util.List;
import java.util.Objects;

/**
 * An instrumented method as the runtime needs to know it, described from its class file before the
 * class is loaded.
 *
 * @param declaringType binary name, e.g. {@code com.example.Outer$Inner}
 * @param returnType binary name, primitive name ({@code int}) or {@code void}; arrays as {@code byte[]}
 * @param genericReturnType the declared generic return type as source text, e.g.
 *     {@code java.util.Optional<java.lang.String>}; equal to {@code returnType} when not generic
 * @param returnShape what the class files say of the declared return type and its type arguments, for
 *     the codecs to tell whether they can rebuild its values
 */
public record MethodInfo(String declaringType, String name, List<Parameter> parameters, String returnType,
        String genericReturnType, boolean isStatic, TypeShape returnShape) {

    public MethodInfo {
        parameters = List.copyOf(parameters);
    }

    /** A method whose return type's class files were not read: no codec check refuses it. */
    public MethodInfo(String declaringType, String name, List<Parameter> parameters, String returnType,
            String genericReturnType, boolean isStatic) {
        this(declaringType, name, parameters, returnType, genericReturnType, isStatic,
                TypeShape.unknown(genericReturnType));
    }

    /**
     * One parameter.
     *
     * @param name from the class file ({@code -parameters} or local-variable debug info), or {@code null}
     * @param type binary name or primitive name
     * @param valueEquality whether two equal-looking values of this type are {@code equals}: primitives,
     *     arrays, enums, and types that override {@code equals(Object)} (or interfaces that declare it)
     */
    public record Parameter(String name, String type, boolean valueEquality) {
        // Written out, as in MethodInfo.
        @Override
        public boolean equals(Object other) {
            return other instanceof Parameter that && Objects.equals(name, that.name) && type.equals(that.type)
                    && valueEquality == that.valueEquality;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, type, valueEquality);
        }
    }

    // equals and hashCode are written out: a record's own are linked on first use by generating classes (a burst
    // of JDK bytecode generation), and method descriptions are first compared while the application starts.
    @Override
    public boolean equals(Object other) {
        return other instanceof MethodInfo that && isStatic == that.isStatic && declaringType.equals(that.declaringType)
                && name.equals(that.name) && parameters.equals(that.parameters) && returnType.equals(that.returnType)
                && genericReturnType.equals(that.genericReturnType) && returnShape.equals(that.returnShape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(declaringType, name, parameters, returnType, genericReturnType, isStatic, returnShape);
    }

    /** {@code com.example.Type#name}, as events name a method. */
    public String displayName() {
        return declaringType + "#" + name;
    }
}
