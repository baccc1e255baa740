package dev.cacheagent.instrumentation;

import dev.cacheagent.cache.redis.TypeShape;
import dev.cacheagent.config.Rule;
import dev.cacheagent.matching.MethodView;
import dev.cacheagent.matching.TypeView;
import dev.cacheagent.runtime.MethodInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns class files (read with ASM, before loading, see {@link ClassFiles}) into the views matching and the
 * runtime use. Other class files are read only when a view is asked for what they hold: supertypes when a rule
 * uses {@code subtypeOf}, the return type's when a rule caches, parameter types' for value equality.
 */
final class Descriptions {
    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float",
            "double", "void");
    /**
     * Final JDK classes that override {@code equals}, the usual key parameters: answered without reading their class
     * files (String's alone is 25 KB), which the first class a rule selects would do on the application's thread.
     */
    private static final Set<String> JDK_VALUE_TYPES = Set.of("java.lang.String", "java.lang.Boolean",
            "java.lang.Byte", "java.lang.Character", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double", "java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID");
    private static final GenericType OBJECT = new GenericType.ClassType("java.lang.Object", List.of(), null);

    private Descriptions() {}

    static TypeView typeView(ClassFileType type) {
        return new TypeView() {
            private Set<String> supertypes;

            @Override
            public String name() {
                return type.name();
            }

            @Override
            public Set<String> supertypeNames() {
                if (supertypes == null) {
                    supertypes = collectSupertypes(type);
                }
                return supertypes;
            }
        };
    }

    static MethodView methodView(ClassFileMethod method) {
        boolean selectable = !method.isConstructor() && !method.isTypeInitializer() && !method.isBridge()
                && !method.isSynthetic() && !method.isAbstract() && !method.isNative();
        return new MethodView(viewName(method), method.parameterTypeNames(), selectable);
    }

    /** Constructors and the type initializer by their type's name, as Byte Buddy named them. */
    private static String viewName(ClassFileMethod method) {
        return method.isConstructor() || method.isTypeInitializer() ? method.owner().name() : method.name();
    }

    /**
     * @param rules the rules that matched the method: its return type's shape is read only when one of them
     *     caches, since reading it costs a class file or more and only a codec asks for it
     */
    static MethodInfo methodInfo(ClassFileType type, ClassFileMethod method, List<Rule> rules) {
        List<String> types = method.parameterTypeNames();
        String[] names = method.parameterNames();
        List<MethodInfo.Parameter> parameters = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            String parameterType = types.get(i);
            parameters.add(new MethodInfo.Parameter(names[i], parameterType,
                    hasValueEquality(parameterType, type.pool())));
        }
        String erasure = method.returnTypeName();
        GenericType returnType = method.genericReturnType();
        String generic = returnType.isGeneric() ? returnType.typeName() : erasure;
        boolean caches = false;
        for (Rule rule : rules) {
            caches |= rule.cache() != null;
        }
        return new MethodInfo(type.name(), viewName(method), parameters, erasure, generic, method.isStatic(),
                caches ? shape(returnType, type.pool()) : TypeShape.unknown(generic));
    }

    /**
     * What the class files say of a declared type, for the codecs to judge whether they can rebuild its
     * values. Reads class files through the pool only; a type whose class file cannot be read is
     * {@link TypeShape.Kind#UNKNOWN}.
     */
    static TypeShape shape(GenericType type, ClassFiles pool) {
        try {
            if (type instanceof GenericType.ClassType classType) {
                return classShape(classType, pool);
            }
            if (type instanceof GenericType.Array array) {
                return TypeShape.arrayOf(shape(array.component(), pool));
            }
            if (type instanceof GenericType.Variable variable) {
                return TypeShape.variable(variable.name());
            }
            if (type instanceof GenericType.Wildcard wildcard) {
                // Jackson reads ? extends X as X, and ? or ? super X as Object.
                return wildcard.bound() != null && !wildcard.lower() ? shape(wildcard.bound(), pool)
                        : shape(OBJECT, pool);
            }
            return TypeShape.primitive(type.typeName());
        } catch (RuntimeException unreadable) {
            // A class file that cannot be read: nothing is claimed about the type.
            return TypeShape.unknown(type.typeName());
        }
    }

    private static TypeShape classShape(GenericType.ClassType generic, ClassFiles pool) {
        ClassFileType type = pool.find(generic.name());
        if (type == null) {
            return TypeShape.unknown(generic.typeName());
        }
        // Each argument's shape; one whose class file cannot be read is unknown, and the others still count.
        List<TypeShape> arguments = new ArrayList<>(generic.arguments().size());
        for (GenericType argument : generic.arguments()) {
            arguments.add(shape(argument, pool));
        }
        Set<TypeShape.Trait> traits = EnumSet.noneOf(TypeShape.Trait.class);
        if (type.isInterface()) {
            traits.add(TypeShape.Trait.INTERFACE);
        } else if (type.isAbstract()) {
            traits.add(TypeShape.Trait.ABSTRACT);
        }
        if (type.isEnum()) {
            traits.add(TypeShape.Trait.ENUM);
        }
        if (type.isRecord()) {
            traits.add(TypeShape.Trait.RECORD);
        }
        if (type.isLocalOrAnonymous()) {
            traits.add(TypeShape.Trait.LOCAL_OR_ANONYMOUS);
        }
        if (type.isMemberType() && !type.isStatic() && !type.isInterface() && !type.isEnum() && !type.isRecord()) {
            traits.add(TypeShape.Trait.INNER);
        }
        String self = "L" + type.name().replace('.', '/') + ";";
        Set<String> creatorAnnotations = new LinkedHashSet<>();
        for (ClassFileMethod method : type.methods()) {
            boolean constructor = method.isConstructor();
            if (!constructor && !method.isStatic()) {
                continue;
            }
            creatorAnnotations.addAll(annotationNames(method.annotationNames(), pool));
            String descriptor = method.descriptor();
            if (constructor && descriptor.startsWith("()")) {
                traits.add(TypeShape.Trait.NO_ARG_CONSTRUCTOR);
            }
            boolean takesString = descriptor.startsWith("(Ljava/lang/String;)");
            if (takesString && (constructor || (descriptor.endsWith(self)
                    && (method.name().equals("valueOf") || method.name().equals("fromString"))))) {
                traits.add(TypeShape.Trait.STRING_CREATOR);
            }
        }
        // Supertypes tell a map from other containers, which only matters for type arguments; reading them
        // costs a class file each, so a type without arguments is spared it.
        Set<String> supertypes = arguments.isEmpty() ? Set.of() : collectSupertypes(type);
        return new TypeShape(type.name(), TypeShape.Kind.CLASS, traits, supertypes,
                annotationNames(type.annotationNames(), pool), creatorAnnotations, arguments);
    }

    /**
     * The annotations whose class file says they are annotations, as Byte Buddy listed them: one whose class
     * cannot be read is left out (it could not be present at run time either).
     */
    private static Set<String> annotationNames(List<String> annotations, ClassFiles pool) {
        if (annotations.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String annotation : annotations) {
            ClassFileType type = pool.find(annotation);
            if (type != null && type.isAnnotation()) {
                names.add(annotation);
            }
        }
        return names;
    }

    /**
     * Whether equal-looking values of this type are {@code equals}: primitives, arrays (keys compare
     * them by content), enums, and types that declare {@code equals(Object)} below {@code Object}
     * (classes that override it, interfaces such as {@code List} that specify it). A type whose class
     * file, or a supertype's met before such a declaration, cannot be read has none.
     *
     * @param typeName binary or primitive name, arrays as {@code java.lang.String[]}
     */
    static boolean hasValueEquality(String typeName, ClassFiles pool) {
        if (PRIMITIVES.contains(typeName) || typeName.endsWith("[]") || JDK_VALUE_TYPES.contains(typeName)) {
            return true;
        }
        ClassFileType type = pool.find(typeName);
        if (type == null) {
            return false;
        }
        if (type.isEnum()) {
            return true;
        }
        // Breadth first, as Byte Buddy walked it: a supertype that cannot be read ends the walk when its turn comes.
        Deque<String> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        pending.add(typeName);
        seen.add(typeName);
        while (!pending.isEmpty()) {
            String name = pending.poll();
            if (name.equals("java.lang.Object")) {
                continue;
            }
            ClassFileType current = pool.find(name);
            if (current == null) {
                return false;
            }
            for (ClassFileMethod m : current.methods()) {
                if (m.name().equals("equals") && m.descriptor().startsWith("(Ljava/lang/Object;)")) {
                    return true;
                }
            }
            String superclass = current.superclassName();
            if (superclass != null && seen.add(superclass)) {
                pending.add(superclass);
            }
            for (String i : current.interfaceNames()) {
                if (seen.add(i)) {
                    pending.add(i);
                }
            }
        }
        return false;
    }

    /**
     * Every superclass and interface, transitively, by binary name. A supertype whose class file cannot be read
     * is named (the class file that refers to it names it) but its own supertypes cannot be: the rest of the
     * hierarchy still counts.
     */
    private static Set<String> collectSupertypes(ClassFileType type) {
        ClassFiles pool = type.pool();
        Set<String> names = new LinkedHashSet<>();
        Deque<ClassFileType> pending = new ArrayDeque<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            ClassFileType current = pending.poll();
            String superclass = current.superclassName();
            if (superclass != null && names.add(superclass)) {
                addIfReadable(superclass, pending, pool);
            }
            for (String i : current.interfaceNames()) {
                if (names.add(i)) {
                    addIfReadable(i, pending, pool);
                }
            }
        }
        return names;
    }

    private static void addIfReadable(String name, Deque<ClassFileType> pending, ClassFiles pool) {
        ClassFileType type = pool.find(name);
        if (type != null) {
            pending.add(type);
        }
    }
}
