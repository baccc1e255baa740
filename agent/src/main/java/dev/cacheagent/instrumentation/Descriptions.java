package dev.cacheagent.instrumentation;

import dev.cacheagent.matching.MethodView;
import dev.cacheagent.matching.TypeView;
import dev.cacheagent.runtime.MethodInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

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

    static MethodInfo methodInfo(TypeDescription type, MethodDescription method) {
        List<MethodInfo.Parameter> parameters = new ArrayList<>();
        for (ParameterDescription p : method.getParameters()) {
            TypeDescription erasure = p.getType().asErasure();
            parameters.add(new MethodInfo.Parameter(p.isNamed() ? p.getName() : null, erasure.getActualName(),
                    hasValueEquality(erasure)));
        }
        TypeDescription.Generic returnType = method.getReturnType();
        String erasure = returnType.asErasure().getActualName();
        String generic = returnType.getSort() == TypeDefinition.Sort.NON_GENERIC ? erasure : returnType.getTypeName();
        return new MethodInfo(type.getName(), method.getName(), parameters, erasure, generic, method.isStatic());
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
