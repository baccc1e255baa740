package dev.cacheagent.expression;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the public instance members an expression names on a value's runtime class, as method
 * handles made with {@link MethodHandles#publicLookup()}: nothing private, nothing static, no
 * {@code setAccessible}. A public method of a class that is not itself public (an immutable list
 * from {@code List.of}, a lambda, a JDK-internal implementation) is reached through a public class
 * or interface that declares it, as compiled Java code would call it.
 *
 * <p>Called once per node and receiver class; the nodes cache what it returns.
 */
final class MemberLookup {
    /** Above this many arguments a call passes them in an array. */
    static final int MAX_DIRECT_ARGUMENTS = 3;

    private static final MethodHandles.Lookup PUBLIC = MethodHandles.publicLookup();
    private static final MethodType GETTER = MethodType.genericMethodType(1);

    private MemberLookup() {}

    /** What a node links for one receiver class: a member, as a handle, with what a chain of members needs. */
    interface Member {
        /** Typed {@code (Object, Object...)Object}, see {@link Invoker}. */
        MethodHandle handle();

        /** The member as messages name it, e.g. {@code trim()} or {@code field count}. */
        String description();

        /**
         * The class of every value but null the member returns, when its declared type fixes it: a final
         * class, or the wrapper of a primitive; else {@code null}. A chain of members is fused through
         * such a member (see {@link Chain}) with no check of the next receiver's class.
         */
        Class<?> valueType();
    }

    /** A property reader typed {@code (Object)Object}, and what it reads, for messages. */
    record Getter(MethodHandle handle, String member, Class<?> valueType) implements Member {
        @Override
        public String description() {
            return member;
        }
    }

    /**
     * A method chosen for given argument classes. The handle is typed {@code (Object, Object...)Object}
     * with one parameter per argument up to {@link #MAX_DIRECT_ARGUMENTS}, else
     * {@code (Object, Object[])Object}.
     */
    record Invoker(MethodHandle handle, String signature, Class<?> valueType) implements Member {
        @Override
        public String description() {
            return signature;
        }
    }

    /** See {@link Member#valueType()}. */
    static Class<?> exactClass(Class<?> declared) {
        if (declared.isPrimitive()) {
            return declared == void.class ? null : MethodType.methodType(declared).wrap().returnType();
        }
        // An array type does not fix its values' class: a String[] may be declared Object[].
        return Modifier.isFinal(declared.getModifiers()) && !declared.isArray() ? declared : null;
    }

    /**
     * The property {@code name} of a {@code type}, looked up as SpEL does: a getter {@code getName()},
     * {@code isName()} returning a boolean, a method {@code name()} (a record component), then a
     * public field; {@code length} of an array.
     */
    static Getter getter(Class<?> type, String name) throws NoSuchMember {
        if (type.isArray() && name.equals("length")) {
            return new Getter(MethodHandles.arrayLength(type).asType(GETTER), "length", Integer.class);
        }
        for (String suffix : getterSuffixes(name)) {
            Method getter = noArgumentMethod(type, "get" + suffix);
            if (getter != null) {
                return getter(type, getter);
            }
        }
        for (String suffix : getterSuffixes(name)) {
            Method getter = noArgumentMethod(type, "is" + suffix);
            if (getter != null && (getter.getReturnType() == boolean.class || getter.getReturnType() == Boolean.class)) {
                return getter(type, getter);
            }
        }
        Method accessor = noArgumentMethod(type, name);
        if (accessor != null) {
            return getter(type, accessor);
        }
        Field field = instanceField(type, name);
        if (field != null) {
            return fieldGetter(type, field);
        }
        String suffix = getterSuffixes(name).get(0);
        throw new NoSuchMember("no property '" + name + "' on " + Node.typeName(type) + ": looked for public get" + suffix
                + "(), is" + suffix + "(), " + name + "() and a public field " + name
                + (Map.class.isAssignableFrom(type) ? "; for the map's entry, write ['" + name + "']" : ""));
    }

    /** The JavaBeans spellings of a getter's suffix: {@code URL} stays as is, {@code name} becomes {@code Name}. */
    private static List<String> getterSuffixes(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
            return List.of(name);
        }
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return capitalized.equals(name) ? List.of(name) : List.of(capitalized, name);
    }

    private static Method noArgumentMethod(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name);
            return Modifier.isStatic(method.getModifiers()) || method.getReturnType() == void.class ? null : method;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Field instanceField(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            return Modifier.isStatic(field.getModifiers()) ? null : field;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Getter getter(Class<?> type, Method method) throws NoSuchMember {
        refuseIfGuarded(type, method.getName());
        return new Getter(accessibleMethod(type, method).asType(GETTER), method.getName() + "()",
                exactClass(method.getReturnType()));
    }

    private static Getter fieldGetter(Class<?> type, Field field) throws NoSuchMember {
        refuseIfGuarded(type, field.getName());
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            try {
                MethodHandle handle = PUBLIC.findGetter(candidate, field.getName(), field.getType());
                return new Getter(handle.asType(GETTER), "field " + field.getName(), exactClass(field.getType()));
            } catch (NoSuchFieldException | IllegalAccessException e) {
                // this class is not public, or does not see the field: try its superclass
            }
        }
        throw unreachable(type, "field " + field.getName());
    }

    /**
     * The public instance method {@code name} of a {@code type} that Java would pick for arguments of
     * these runtime classes (null for a null argument): applicable with boxing and widening of
     * numbers, the most specific one, varargs only when nothing else applies.
     */
    static Invoker method(Class<?> type, String name, Class<?>[] argTypes) throws NoSuchMember {
        List<Method> named = new ArrayList<>();
        boolean staticExists = false;
        for (Method method : type.getMethods()) {
            if (!method.getName().equals(name) || method.isBridge()) {
                continue;
            }
            if (Modifier.isStatic(method.getModifiers())) {
                staticExists = true;
            } else if (named.stream().noneMatch(known -> Arrays.equals(known.getParameterTypes(), method.getParameterTypes()))) {
                named.add(method);
            }
        }
        if (named.isEmpty()) {
            throw new NoSuchMember(staticExists
                    ? name + "() of " + Node.typeName(type) + " is static: expressions may call only instance methods"
                    : "no public method " + name + "() on " + Node.typeName(type));
        }
        refuseIfGuarded(type, name);
        Method chosen = Overloads.mostSpecific(named, argTypes, false);
        boolean varargs = false;
        if (chosen == null) {
            chosen = Overloads.mostSpecific(named, argTypes, true);
            varargs = chosen != null;
        }
        if (chosen == null) {
            throw new NoSuchMember("no " + name + "(...) on " + Node.typeName(type) + " accepts (" + describe(argTypes)
                    + "); there are " + named.stream().map(MemberLookup::signature).collect(Collectors.joining(", ")));
        }
        MethodHandle handle = accessibleMethod(type, chosen).asFixedArity();
        Class<?>[] parameters = chosen.getParameterTypes();
        if (varargs) {
            Class<?> array = parameters[parameters.length - 1];
            handle = handle.asCollector(array, argTypes.length - parameters.length + 1);
        }
        handle = convertNumberWrappers(handle, argTypes);
        handle = handle.asType(MethodType.genericMethodType(1 + argTypes.length));
        if (argTypes.length > MAX_DIRECT_ARGUMENTS) {
            handle = handle.asSpreader(Object[].class, argTypes.length);
        }
        return new Invoker(handle, signature(chosen), exactClass(chosen.getReturnType()));
    }

    /**
     * Lets an Integer reach a Long parameter (and any other widening between number wrappers), which
     * a handle's own conversions refuse: the value is unboxed, widened and boxed again.
     */
    private static MethodHandle convertNumberWrappers(MethodHandle handle, Class<?>[] argTypes) {
        for (int i = 0; i < argTypes.length; i++) {
            Class<?> parameter = handle.type().parameterType(i + 1);
            Class<?> primitive = MethodType.methodType(parameter).unwrap().returnType();
            if (argTypes[i] != null && primitive.isPrimitive() && parameter != argTypes[i] && !parameter.isPrimitive()) {
                MethodHandle convert = MethodHandles.identity(primitive).asType(MethodType.methodType(parameter, Object.class));
                handle = MethodHandles.filterArguments(handle, i + 1, convert);
            }
        }
        return handle;
    }

    private static void refuseIfGuarded(Class<?> type, String member) throws NoSuchMember {
        String refusal = MemberPolicy.refusal(type, member);
        if (refusal != null) {
            throw new NoSuchMember(refusal);
        }
    }

    /**
     * A handle on {@code method} through the nearest public class or interface of {@code type} that
     * declares it; virtual dispatch still runs the receiver's own implementation.
     */
    private static MethodHandle accessibleMethod(Class<?> type, Method method) throws NoSuchMember {
        for (Class<?> candidate : supertypes(type)) {
            try {
                Method declared = candidate.getMethod(method.getName(), method.getParameterTypes());
                if (!Modifier.isStatic(declared.getModifiers())) {
                    return PUBLIC.findVirtual(candidate, method.getName(),
                            MethodType.methodType(declared.getReturnType(), declared.getParameterTypes()));
                }
            } catch (NoSuchMethodException | IllegalAccessException e) {
                // not declared here, or this type is not public: try the next one
            }
        }
        throw unreachable(type, signature(method));
    }

    private static NoSuchMember unreachable(Class<?> type, String member) {
        return new NoSuchMember(member + " of " + Node.typeName(type) + " cannot be called: the class is not public"
                + " (or not exported by its module) and no public class or interface it extends declares it");
    }

    /** The type itself, its superclasses, then all its interfaces, nearest first. */
    private static Set<Class<?>> supertypes(Class<?> type) {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            types.add(c);
        }
        Deque<Class<?>> pending = new ArrayDeque<>(types);
        while (!pending.isEmpty()) {
            for (Class<?> implemented : pending.removeFirst().getInterfaces()) {
                if (types.add(implemented)) {
                    pending.addLast(implemented);
                }
            }
        }
        return types;
    }

    static String signature(Method method) {
        String parameters = Arrays.stream(method.getParameterTypes()).map(Node::typeName).collect(Collectors.joining(", "));
        if (method.isVarArgs()) {
            parameters = parameters.substring(0, parameters.length() - 2) + "...";
        }
        return method.getName() + "(" + parameters + ")";
    }

    private static String describe(Class<?>[] argTypes) {
        return Arrays.stream(argTypes).map(type -> type == null ? "null" : Node.typeName(type))
                .collect(Collectors.joining(", "));
    }

    /** Java's choice among overloads, made with the arguments' runtime classes. */
    static final class Overloads {
        private Overloads() {}

        /** The single most specific applicable method, or null when none applies (or several tie). */
        static Method mostSpecific(List<Method> methods, Class<?>[] argTypes, boolean varargs) {
            List<Method> applicable = new ArrayList<>();
            List<Class<?>[]> shapes = new ArrayList<>();
            for (Method method : methods) {
                Class<?>[] shape = varargs ? expandedVarargs(method, argTypes.length) : method.getParameterTypes();
                if (shape != null && applicable(shape, argTypes)) {
                    applicable.add(method);
                    shapes.add(shape);
                }
            }
            List<Integer> best = new ArrayList<>();
            for (int i = 0; i < applicable.size(); i++) {
                boolean mostSpecific = true;
                for (int j = 0; j < applicable.size() && mostSpecific; j++) {
                    mostSpecific = moreSpecific(shapes.get(i), shapes.get(j));
                }
                if (mostSpecific) {
                    best.add(i);
                }
            }
            if (best.size() > 1) {
                // m(Integer) and m(int) both fit an Integer: take the one that names the argument's own class
                best.removeIf(i -> !Arrays.equals(shapes.get(i), argTypes));
            }
            return best.size() == 1 ? applicable.get(best.get(0)) : null;
        }

        /** The parameter types a varargs method takes for {@code count} arguments, or null if it is not varargs. */
        private static Class<?>[] expandedVarargs(Method method, int count) {
            Class<?>[] parameters = method.getParameterTypes();
            if (!method.isVarArgs() || count < parameters.length - 1) {
                return null;
            }
            Class<?>[] shape = Arrays.copyOf(parameters, count);
            Class<?> component = parameters[parameters.length - 1].getComponentType();
            Arrays.fill(shape, parameters.length - 1, count, component);
            return shape;
        }

        private static boolean applicable(Class<?>[] parameters, Class<?>[] argTypes) {
            if (parameters.length != argTypes.length) {
                return false;
            }
            for (int i = 0; i < parameters.length; i++) {
                if (!applicable(parameters[i], argTypes[i])) {
                    return false;
                }
            }
            return true;
        }

        private static boolean applicable(Class<?> parameter, Class<?> argument) {
            if (argument == null) {
                return !parameter.isPrimitive();
            }
            if (parameter.isAssignableFrom(argument)) {
                return true;
            }
            Class<?> to = primitive(parameter);
            Class<?> from = primitive(argument);
            return to != null && from != null && widens(from, to);
        }

        /** Whether {@code a} is at least as specific as {@code b}, parameter by parameter. */
        private static boolean moreSpecific(Class<?>[] a, Class<?>[] b) {
            for (int i = 0; i < a.length; i++) {
                if (!narrowerOrSame(a[i], b[i])) {
                    return false;
                }
            }
            return true;
        }

        private static boolean narrowerOrSame(Class<?> a, Class<?> b) {
            if (b.isAssignableFrom(a)) {
                return true;
            }
            if (a.isPrimitive() && !b.isPrimitive()) {
                return b.isAssignableFrom(MethodType.methodType(a).wrap().returnType())
                        || (primitive(b) != null && widens(a, primitive(b)));
            }
            Class<?> from = primitive(a);
            Class<?> to = primitive(b);
            return from != null && to != null && widens(from, to);
        }

        /** The primitive of a primitive or wrapper class, else null. */
        private static Class<?> primitive(Class<?> type) {
            Class<?> unwrapped = MethodType.methodType(type).unwrap().returnType();
            return unwrapped.isPrimitive() && unwrapped != void.class ? unwrapped : null;
        }

        /** Identity or a widening primitive conversion (JLS 5.1.2). */
        private static boolean widens(Class<?> from, Class<?> to) {
            if (from == to) {
                return true;
            }
            if (from == boolean.class || to == boolean.class || to == char.class) {
                return false;
            }
            List<Class<?>> order = List.of(byte.class, short.class, int.class, long.class, float.class, double.class);
            int fromRank = from == char.class ? order.indexOf(int.class) - 1 : order.indexOf(from);
            int toRank = order.indexOf(to);
            return fromRank < toRank;
        }
    }
}
