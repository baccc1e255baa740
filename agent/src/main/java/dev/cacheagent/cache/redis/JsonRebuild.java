package dev.cacheagent.cache.redis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Set;

/**
 * Whether {@code codec: json} can rebuild values of a declared type, decided from its {@link TypeShape}
 * (class files only: nothing is loaded) before the method is instrumented, so that a type it cannot
 * rebuild is a {@code rule_error} at once rather than a failed read on every hit.
 *
 * <p>What is refused, each because the agent's Jackson (2.x, no modules) fails or rebuilds a value of
 * another class than the method returned:
 * <ul>
 *   <li>a type variable anywhere ({@code T}, {@code List<T>}): its class is known only at run time;
 *   <li>{@code Object} (or {@code Serializable}) as the whole value: JSON rebuilds maps, lists, strings,
 *       numbers and booleans, not the class that was stored. Inside a collection or map
 *       ({@code Map<String, Object>}) it is accepted: that is how JSON-shaped data is declared;
 *   <li>interfaces and abstract classes, except the collections and maps Jackson has defaults for and the
 *       JDK types it reads itself, unless the type carries the agent's Jackson {@code @JsonTypeInfo} or
 *       {@code @JsonDeserialize};
 *   <li>non-static inner classes, and local or anonymous classes (local records are fine);
 *   <li>concrete classes with no constructor Jackson can call: none without parameters (of any
 *       visibility), not a record or an enum, no {@code @ConstructorProperties} or (the agent's)
 *       {@code @JsonCreator} creator;
 *   <li>{@code java.time} types, and {@code Optional} inside a collection or a property: they need Jackson
 *       modules the codec does not register;
 *   <li>map keys other than strings, numbers, booleans, characters, enums, the JDK value types Jackson
 *       has key readers for, and classes with a {@code (String)} constructor or a static
 *       {@code valueOf(String)} / {@code fromString(String)};
 *   <li>arrays and type arguments of any of the above.
 * </ul>
 *
 * <p>The properties of a class are not checked: a property of a type Jackson cannot rebuild is still
 * found on the first read, as a {@code tier_error} and a miss.
 *
 * <p>The annotations recognised are the agent's own Jackson's: its Jackson is relocated inside the agent,
 * so the application's {@code com.fasterxml.jackson.annotation} annotations are not the same types and
 * the codec does not read them.
 */
public final class JsonRebuild {
    /** JDK types the agent's Jackson reads itself, whatever their shape. */
    private static final Set<String> JDK_VALUES = Set.of("java.lang.String", "java.lang.CharSequence",
            "java.lang.Boolean", "java.lang.Character", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Number", "java.lang.StringBuilder",
            "java.lang.Class", "java.lang.StackTraceElement", "java.math.BigDecimal", "java.math.BigInteger",
            "java.util.UUID", "java.util.Locale", "java.util.Currency", "java.util.Date", "java.util.Calendar",
            "java.util.TimeZone", "java.util.regex.Pattern", "java.net.URI", "java.net.URL", "java.net.InetAddress",
            "java.io.File", "java.nio.file.Path", "java.nio.charset.Charset",
            "java.util.concurrent.atomic.AtomicBoolean", "java.util.concurrent.atomic.AtomicInteger",
            "java.util.concurrent.atomic.AtomicLong", "java.sql.Date", "java.sql.Timestamp", "java.sql.Time");
    /** Abstract collections and maps Jackson builds as a default implementation, and JDK ones it reads itself. */
    private static final Set<String> DEFAULT_CONTAINERS = Set.of("java.lang.Iterable", "java.util.Collection",
            "java.util.List", "java.util.Set", "java.util.SortedSet", "java.util.NavigableSet", "java.util.Queue",
            "java.util.Deque", "java.util.SequencedCollection", "java.util.SequencedSet", "java.util.AbstractList",
            "java.util.AbstractSet", "java.util.EnumSet", "java.util.Map",
            "java.util.SortedMap", "java.util.NavigableMap", "java.util.SequencedMap", "java.util.AbstractMap",
            "java.util.EnumMap", "java.util.concurrent.ConcurrentMap", "java.util.concurrent.ConcurrentNavigableMap",
            "java.util.Map$Entry", "java.util.concurrent.atomic.AtomicReference");
    /** Types a map key may have beyond primitives, boxes and enums: Jackson has key readers for these. */
    private static final Set<String> JDK_KEYS = Set.of("java.lang.String", "java.lang.CharSequence",
            "java.lang.Object", "java.lang.Boolean", "java.lang.Character", "java.lang.Byte", "java.lang.Short",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Class",
            "java.util.UUID", "java.util.Locale", "java.util.Currency", "java.util.Date", "java.util.Calendar",
            "java.net.URI", "java.net.URL");
    private static final Set<String> UNTYPED = Set.of("java.lang.Object", "java.io.Serializable");
    private static final Set<String> OPTIONALS = Set.of("java.util.Optional", "java.util.OptionalInt",
            "java.util.OptionalLong", "java.util.OptionalDouble");
    /**
     * The application's own {@code @JsonCreator}, which is not the agent's: assembled when the class initialises
     * because the agent jar's relocation rewrites the name wherever it is a constant.
     */
    private static final String APPLICATION_JSON_CREATOR = String.join(".", "com", "fasterxml", "jackson",
            "annotation", "JsonCreator");
    private static final String FIX = "use codec java for this cache (or a cache of tier local)";

    private JsonRebuild() {}

    /**
     * Why values of {@code type} cannot be rebuilt from JSON, or {@code null} when they can (or when too
     * little is known of the type to tell).
     *
     * @param type the declared type of the values (for {@code Optional<X>} and futures, {@code X})
     * @return a sentence that names the part of the type that fails and what to do
     */
    public static String problem(TypeShape type) {
        String problem = check(type, true);
        return problem == null ? null : "codec json cannot rebuild values of the declared type " + type.sourceText()
                + ": " + problem;
    }

    private static String check(TypeShape type, boolean whole) {
        return switch (type.kind()) {
            case UNKNOWN, PRIMITIVE -> null;
            case TYPE_VARIABLE -> "it is the type variable " + type.name() + ", whose class is known only when the "
                    + "method runs, so the JSON would come back as maps and lists — " + FIX
                    + ", or declare the concrete type";
            case ARRAY -> check(type.arguments().get(0), false);
            case CLASS -> checkClass(type, whole);
        };
    }

    private static String checkClass(TypeShape type, boolean whole) {
        String name = type.name();
        if (UNTYPED.contains(name)) {
            return whole ? name + " says nothing of the class to rebuild, so the JSON would come back as maps, "
                    + "lists, strings and numbers instead of the objects the method returned — " + FIX
                    + ", or declare the method's real return type" : null;
        }
        if (JDK_VALUES.contains(name)) {
            return null;
        }
        if (name.startsWith("java.time.")) {
            return name + " needs Jackson's Java time module, which the agent's codec does not register — " + FIX;
        }
        if (OPTIONALS.contains(name)) {
            return name + " inside another type needs Jackson's JDK 8 module, which the agent's codec does not "
                    + "register — " + FIX + ", or declare the value without the Optional";
        }
        if (!DEFAULT_CONTAINERS.contains(name) && !declaresHowToRead(type)) {
            String instantiation = instantiation(type);
            if (instantiation != null) {
                return instantiation;
            }
        }
        return checkArguments(type);
    }

    /** Why Jackson cannot make an instance of the class, or {@code null}. */
    private static String instantiation(TypeShape type) {
        String name = type.name();
        if (type.has(TypeShape.Trait.ENUM)) {
            return null;
        }
        if (type.has(TypeShape.Trait.LOCAL_OR_ANONYMOUS) && !type.has(TypeShape.Trait.RECORD)) {
            return name + " is a local or anonymous class, which Jackson does not build — " + FIX
                    + ", or make it a top-level or static nested class (or a record)";
        }
        if (type.has(TypeShape.Trait.INNER)) {
            return name + " is a non-static inner class: an instance needs an instance of its enclosing class, "
                    + "which JSON does not hold — " + FIX + ", or make the class static";
        }
        if (type.has(TypeShape.Trait.INTERFACE) || type.has(TypeShape.Trait.ABSTRACT)) {
            return name + " is " + (type.has(TypeShape.Trait.INTERFACE) ? "an interface" : "an abstract class")
                    + ", and the JSON does not say which class to build — " + FIX
                    + ", or declare the concrete class as the return type";
        }
        if (type.has(TypeShape.Trait.RECORD) || type.has(TypeShape.Trait.NO_ARG_CONSTRUCTOR)
                || type.creatorAnnotations().contains(JsonCreator.class.getName())
                || type.creatorAnnotations().contains("java.beans.ConstructorProperties")) {
            return null;
        }
        String applicationCreator = type.creatorAnnotations().contains(APPLICATION_JSON_CREATOR)
                ? "; its @JsonCreator is the application's Jackson annotation, which the agent's own (relocated) "
                        + "Jackson does not read" : "";
        return name + " has no constructor Jackson can call (none without parameters, not a record, no "
                + "@ConstructorProperties" + applicationCreator + ") — " + FIX
                + ", or add a no-argument constructor (it may be private) or make it a record";
    }

    /** An abstract type Jackson is told how to read by annotations it recognises. */
    private static boolean declaresHowToRead(TypeShape type) {
        return type.typeAnnotations().contains(JsonTypeInfo.class.getName())
                || type.typeAnnotations().contains(JsonDeserialize.class.getName());
    }

    private static String checkArguments(TypeShape type) {
        List<TypeShape> arguments = type.arguments();
        boolean map = type.name().equals("java.util.Map") || type.supertypes().contains("java.util.Map")
                || type.name().equals("java.util.Map$Entry");
        for (int i = 0; i < arguments.size(); i++) {
            TypeShape argument = arguments.get(i);
            String problem = map && i == 0 ? checkKey(argument) : check(argument, false);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String checkKey(TypeShape key) {
        if (key.kind() == TypeShape.Kind.TYPE_VARIABLE) {
            return check(key, false);
        }
        if (key.kind() != TypeShape.Kind.CLASS || JDK_KEYS.contains(key.name())
                || key.has(TypeShape.Trait.ENUM) || key.has(TypeShape.Trait.STRING_CREATOR)) {
            return null;
        }
        return "the map key type " + key.name() + " has no (String) constructor and no static valueOf(String) or "
                + "fromString(String), so Jackson cannot read keys back from JSON — " + FIX
                + ", or key the map by a String, a number or an enum";
    }
}
