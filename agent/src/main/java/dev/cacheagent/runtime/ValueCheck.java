package dev.cacheagent.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Whether a cached value can be returned by one method. Rules that share a cache share its keys; if
 * two of them return different types under the same key, returning the other rule's value would break
 * the caller, so such a value is refused. The class last accepted is remembered, so the check costs one
 * comparison on the hot path.
 *
 * <p>Types are known by name only (the method is described before its class is loaded), and the
 * value's class is compared by its name and the names of its supertypes.
 */
final class ValueCheck {
    private static final Map<String, String> BOXES = Map.of("int", "java.lang.Integer", "long", "java.lang.Long",
            "double", "java.lang.Double", "float", "java.lang.Float", "boolean", "java.lang.Boolean",
            "byte", "java.lang.Byte", "short", "java.lang.Short", "char", "java.lang.Character");

    /** The name values must have, or {@code null} to accept any value. */
    private final String typeName;
    private final boolean nullAllowed;
    // Racy on purpose: a stale read only costs a repeated name check.
    private Class<?> lastAccepted;

    private ValueCheck(String typeName, boolean nullAllowed) {
        this.typeName = typeName;
        this.nullAllowed = nullAllowed;
    }

    /**
     * @param returnType the method's erased return type
     * @param genericReturnType its generic form, for the element type of an Optional or a future
     */
    static ValueCheck forMethod(ReturnKind kind, String returnType, String genericReturnType) {
        if (kind == ReturnKind.VALUE) {
            String boxed = BOXES.get(returnType);
            return boxed != null ? new ValueCheck(boxed, false) : new ValueCheck(acceptable(returnType), true);
        }
        return new ValueCheck(acceptable(typeArgument(genericReturnType)), true);
    }

    /** The first type argument, without its own type arguments: {@code a.Optional<b.List<c.X>>} → {@code b.List}. */
    private static String typeArgument(String generic) {
        int open = generic.indexOf('<');
        if (open < 0 || !generic.endsWith(">")) {
            return null;
        }
        String argument = generic.substring(open + 1, generic.length() - 1).trim();
        if (argument.startsWith("? extends ")) {
            argument = argument.substring("? extends ".length());
        }
        int nested = argument.indexOf('<');
        return nested < 0 ? argument : argument.substring(0, nested);
    }

    /** {@code null} (anything goes) for types that say nothing: Object, wildcards, type variables. */
    private static String acceptable(String name) {
        if (name == null || name.equals("java.lang.Object") || name.contains("?") || name.contains(",")
                || !name.contains(".")) {
            return null;
        }
        return name.replace('$', '.');
    }

    boolean accepts(Object value) {
        if (value == null) {
            return nullAllowed;
        }
        if (typeName == null) {
            return true;
        }
        Class<?> type = value.getClass();
        if (type == lastAccepted) {
            return true;
        }
        if (isA(type)) {
            lastAccepted = type;
            return true;
        }
        return false;
    }

    private boolean isA(Class<?> type) {
        if (type.isArray()) {
            return type.getTypeName().replace('$', '.').equals(typeName);
        }
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            Class<?> current = pending.poll();
            if (current.getName().replace('$', '.').equals(typeName)) {
                return true;
            }
            if (current.getSuperclass() != null) {
                pending.add(current.getSuperclass());
            }
            for (Class<?> implemented : current.getInterfaces()) {
                pending.add(implemented);
            }
        }
        return false;
    }

    /** The type values must have, for messages. */
    String expected() {
        return typeName == null ? "any type" : typeName;
    }

    /** The declared type of a plain value, primitives boxed: {@code int} → {@code java.lang.Integer}. */
    static String boxed(String returnType, String genericReturnType) {
        String box = BOXES.get(returnType);
        return box != null ? box : genericReturnType;
    }

    /**
     * The whole first type argument of an {@code Optional} or a future, with its own arguments:
     * {@code a.Optional<b.List<c.X>>} → {@code b.List<c.X>}; {@code java.lang.Object} when there is none.
     */
    static String fullTypeArgument(String generic) {
        int open = generic.indexOf('<');
        if (open < 0 || !generic.endsWith(">")) {
            return "java.lang.Object";
        }
        String argument = generic.substring(open + 1, generic.length() - 1).trim();
        if (argument.startsWith("? extends ")) {
            return argument.substring("? extends ".length()).trim();
        }
        return argument.startsWith("?") ? "java.lang.Object" : argument;
    }
}
