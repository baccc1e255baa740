package dev.cacheagent.cache.redis;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a declared type looks like in its class files, as far as rebuilding its values from JSON needs to
 * know: read by the instrumentation before the class is loaded, so that the check neither loads nor
 * initialises any of the application's classes.
 *
 * @param name binary class name ({@code com.example.Outer$Inner}), primitive name, a type variable's
 *     name ({@code T}), or for an array its component's name followed by {@code []}
 * @param kind what sort of type it is
 * @param traits what the class files say of a {@link Kind#CLASS} (empty for other kinds)
 * @param supertypes binary names of every superclass and interface of a {@link Kind#CLASS} with type
 *     arguments, transitively (empty without arguments: they then decide nothing)
 * @param typeAnnotations binary names of the annotations on the class
 * @param creatorAnnotations binary names of the annotations on its constructors and static methods
 * @param arguments the type arguments of a parameterised class ({@code List<Foo>} → {@code Foo}), each
 *     wildcard as its upper bound; for an array, its component type alone
 */
public record TypeShape(String name, Kind kind, Set<Trait> traits, Set<String> supertypes,
        Set<String> typeAnnotations, Set<String> creatorAnnotations, List<TypeShape> arguments) {

    public TypeShape {
        traits = Set.copyOf(traits);
        supertypes = Set.copyOf(supertypes);
        typeAnnotations = Set.copyOf(typeAnnotations);
        creatorAnnotations = Set.copyOf(creatorAnnotations);
        arguments = List.copyOf(arguments);
    }

    // Written out, as in MethodInfo: a record's own are linked on first use by generating classes.
    @Override
    public boolean equals(Object other) {
        return other instanceof TypeShape that && name.equals(that.name) && kind == that.kind
                && traits.equals(that.traits) && supertypes.equals(that.supertypes)
                && typeAnnotations.equals(that.typeAnnotations) && creatorAnnotations.equals(that.creatorAnnotations)
                && arguments.equals(that.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, traits, supertypes, typeAnnotations, creatorAnnotations, arguments);
    }

    /** The sort of a type. */
    public enum Kind {
        PRIMITIVE, CLASS, ARRAY, TYPE_VARIABLE,
        /** A type whose class file could not be read: nothing is claimed about it. */
        UNKNOWN
    }

    /** A fact about a class, from its class file. */
    public enum Trait {
        INTERFACE, ABSTRACT, ENUM, RECORD,
        /** Declared inside a method body, named or not. */
        LOCAL_OR_ANONYMOUS,
        /** A member class that is not static: an instance needs an instance of the enclosing class. */
        INNER,
        /** Declares a constructor without parameters, of any visibility. */
        NO_ARG_CONSTRUCTOR,
        /** A constructor taking one {@code String}, or a static {@code valueOf(String)} or {@code fromString(String)}. */
        STRING_CREATOR
    }

    /** A type nothing is known of. */
    public static TypeShape unknown(String name) {
        return new TypeShape(name, Kind.UNKNOWN, Set.of(), Set.of(), Set.of(), Set.of(), List.of());
    }

    /** A primitive type, e.g. {@code int}. */
    public static TypeShape primitive(String name) {
        return new TypeShape(name, Kind.PRIMITIVE, Set.of(), Set.of(), Set.of(), Set.of(), List.of());
    }

    /** A type variable, e.g. {@code T}. */
    public static TypeShape variable(String name) {
        return new TypeShape(name, Kind.TYPE_VARIABLE, Set.of(), Set.of(), Set.of(), Set.of(), List.of());
    }

    /** An array of {@code component}. */
    public static TypeShape arrayOf(TypeShape component) {
        return new TypeShape(component.name() + "[]", Kind.ARRAY, Set.of(), Set.of(), Set.of(), Set.of(),
                List.of(component));
    }

    /** Whether the class files say this of the type. */
    public boolean has(Trait trait) {
        return traits.contains(trait);
    }

    /** The type as source text, for messages: {@code java.util.List<com.example.Foo>}. */
    public String sourceText() {
        if (kind == Kind.ARRAY) {
            return arguments.get(0).sourceText() + "[]";
        }
        if (arguments.isEmpty()) {
            return name;
        }
        StringBuilder text = new StringBuilder(name).append('<');
        for (int i = 0; i < arguments.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(arguments.get(i).sourceText());
        }
        return text.append('>').toString();
    }
}
