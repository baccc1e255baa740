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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;

/** Turns Byte Buddy's descriptions (read from class files, before loading) into the views matching and the runtime use. */
final class Descriptions {
    private Descriptions() {}

    static TypeView typeView(TypeDescription type) {
        return new TypeView() {
            private Set<String> supertypes;

            @Override
            public String name() {
                return type.getName();
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

    static MethodView methodView(MethodDescription method) {
        List<String> types = new ArrayList<>();
        for (ParameterDescription p : method.getParameters()) {
            types.add(p.getType().asErasure().getActualName());
        }
        boolean selectable = method.isMethod() && !method.isBridge() && !method.isSynthetic()
                && !method.isAbstract() && !method.isNative();
        return new MethodView(method.getName(), types, selectable);
    }

    /**
     * @param rules the rules that matched the method: its return type's shape is read only when one of them
     *     caches, since reading it costs a class file or more and only a codec asks for it
     */
    static MethodInfo methodInfo(TypeDescription type, MethodDescription method, List<Rule> rules) {
        List<MethodInfo.Parameter> parameters = new ArrayList<>();
        for (ParameterDescription p : method.getParameters()) {
            TypeDescription erasure = p.getType().asErasure();
            parameters.add(new MethodInfo.Parameter(p.isNamed() ? p.getName() : null, erasure.getActualName(),
                    hasValueEquality(erasure)));
        }
        TypeDescription.Generic returnType = method.getReturnType();
        String erasure = returnType.asErasure().getActualName();
        String generic = returnType.getSort() == TypeDefinition.Sort.NON_GENERIC ? erasure : returnType.getTypeName();
        boolean caches = rules.stream().anyMatch(rule -> rule.cache() != null);
        return new MethodInfo(type.getName(), method.getName(), parameters, erasure, generic, method.isStatic(),
                caches ? shape(returnType) : TypeShape.unknown(generic));
    }

    /**
     * What the class files say of a declared type, for the codecs to judge whether they can rebuild its
     * values. Reads class files through the type pool only; a type that cannot be read is
     * {@link TypeShape.Kind#UNKNOWN}.
     */
    static TypeShape shape(TypeDescription.Generic type) {
        try {
            return switch (type.getSort()) {
                case VARIABLE, VARIABLE_SYMBOLIC -> TypeShape.variable(type.getSymbol());
                case GENERIC_ARRAY -> TypeShape.arrayOf(shape(type.getComponentType()));
                // Jackson reads ? extends X as X, and ? or ? super X as Object.
                case WILDCARD -> type.getLowerBounds().isEmpty() && !type.getUpperBounds().isEmpty()
                        ? shape(type.getUpperBounds().get(0)) : shape(TypeDescription.Generic.OBJECT);
                case PARAMETERIZED -> classShape(type.asErasure(), arguments(type.getTypeArguments()));
                case NON_GENERIC -> {
                    TypeDescription erasure = type.asErasure();
                    if (erasure.isPrimitive()) {
                        yield TypeShape.primitive(erasure.getName());
                    }
                    if (erasure.isArray()) {
                        yield TypeShape.arrayOf(shape(type.getComponentType()));
                    }
                    yield classShape(erasure, List.of());
                }
            };
        } catch (RuntimeException unreadable) {
            // A class file that cannot be read: nothing is claimed about the type.
            return TypeShape.unknown(nameOf(type));
        }
    }

    /** Each argument's shape; one whose class file cannot be read is unknown, and the others still count. */
    private static List<TypeShape> arguments(TypeList.Generic arguments) {
        List<TypeShape> shapes = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            TypeDescription.Generic argument;
            try {
                argument = arguments.get(i);
            } catch (RuntimeException unreadable) {
                shapes.add(TypeShape.unknown("an unreadable type"));
                continue;
            }
            shapes.add(shape(argument));
        }
        return shapes;
    }

    /** The type's name for messages, even when part of it cannot be resolved. */
    private static String nameOf(TypeDescription.Generic type) {
        try {
            return type.getTypeName();
        } catch (RuntimeException unresolvable) {
            return "an unreadable type";
        }
    }

    private static TypeShape classShape(TypeDescription type, List<TypeShape> arguments) {
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
        if (type.isLocalType() || type.isAnonymousType()) {
            traits.add(TypeShape.Trait.LOCAL_OR_ANONYMOUS);
        }
        if (type.isMemberType() && !type.isStatic() && !type.isInterface() && !type.isEnum() && !type.isRecord()) {
            traits.add(TypeShape.Trait.INNER);
        }
        Set<String> creatorAnnotations = new LinkedHashSet<>();
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            boolean constructor = method.isConstructor();
            if (!constructor && !method.isStatic()) {
                continue;
            }
            creatorAnnotations.addAll(annotationNames(method.getDeclaredAnnotations()));
            int parameters = method.getParameters().size();
            if (constructor && parameters == 0) {
                traits.add(TypeShape.Trait.NO_ARG_CONSTRUCTOR);
            }
            boolean takesString = parameters == 1
                    && method.getParameters().get(0).getType().asErasure().represents(String.class);
            if (takesString && (constructor || (method.getReturnType().asErasure().equals(type)
                    && (method.getName().equals("valueOf") || method.getName().equals("fromString"))))) {
                traits.add(TypeShape.Trait.STRING_CREATOR);
            }
        }
        // Supertypes tell a map from other containers, which only matters for type arguments; reading them
        // costs a class file each, so a type without arguments is spared it.
        Set<String> supertypes = arguments.isEmpty() ? Set.of() : collectSupertypes(type);
        return new TypeShape(type.getName(), TypeShape.Kind.CLASS, traits, supertypes,
                annotationNames(type.getDeclaredAnnotations()), creatorAnnotations, arguments);
    }

    private static Set<String> annotationNames(AnnotationList annotations) {
        Set<String> names = new LinkedHashSet<>();
        annotations.asTypeList().forEach(annotation -> names.add(annotation.getName()));
        return names;
    }

    /**
     * Whether equal-looking values of this type are {@code equals}: primitives, arrays (keys compare
     * them by content), enums, and types that declare {@code equals(Object)} below {@code Object}
     * (classes that override it, interfaces such as {@code List} that specify it).
     */
    static boolean hasValueEquality(TypeDescription type) {
        if (type.isPrimitive() || type.isArray() || type.isEnum()) {
            return true;
        }
        try {
            Deque<TypeDefinition> pending = new ArrayDeque<>();
            pending.add(type);
            while (!pending.isEmpty()) {
                TypeDefinition current = pending.poll();
                if (current.represents(Object.class)) {
                    continue;
                }
                for (MethodDescription m : current.getDeclaredMethods()) {
                    if (m.getName().equals("equals") && m.getParameters().size() == 1
                            && m.getParameters().get(0).getType().represents(Object.class)) {
                        return true;
                    }
                }
                if (current.getSuperClass() != null) {
                    pending.add(current.getSuperClass());
                }
                pending.addAll(current.getInterfaces());
            }
        } catch (RuntimeException unresolvable) {
            // A supertype's class file is missing: we cannot prove value equality.
        }
        return false;
    }

    private static Set<String> collectSupertypes(TypeDescription type) {
        Set<String> names = new LinkedHashSet<>();
        Deque<TypeDefinition> pending = new ArrayDeque<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            TypeDefinition current = pending.poll();
            try {
                TypeDescription.Generic superClass = current.getSuperClass();
                if (superClass != null && names.add(superClass.asErasure().getName())) {
                    pending.add(superClass);
                }
                for (TypeDescription.Generic i : current.getInterfaces()) {
                    if (names.add(i.asErasure().getName())) {
                        pending.add(i);
                    }
                }
            } catch (RuntimeException unresolvable) {
                // A supertype that cannot be read cannot be matched; the rest of the hierarchy still can.
            }
        }
        return names;
    }
}
