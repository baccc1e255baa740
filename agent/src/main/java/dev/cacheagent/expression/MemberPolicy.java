package dev.cacheagent.expression;

import java.util.Set;

/**
 * What expressions may not call even though it is public. Expressions run inside production
 * services on every intercepted call: they must not block a thread, nor reach class loaders,
 * reflection, threads or processes from the values at hand.
 */
final class MemberPolicy {
    /** Enough of a Class to put a type's name in a key or log field. */
    private static final Set<String> CLASS_METHODS = Set.of(
            "getName", "getSimpleName", "getTypeName", "getCanonicalName", "getPackageName",
            "toString", "hashCode", "equals");

    private static final Set<String> MONITOR_METHODS = Set.of("wait", "notify", "notifyAll");

    private MemberPolicy() {}

    /** Why {@code method} may not be called on a {@code type}, or null when it may. */
    static String refusal(Class<?> type, String method) {
        if (MONITOR_METHODS.contains(method)) {
            return method + "() may not be called in expressions: it would block or disturb the application's threads";
        }
        if (type == Class.class) {
            return CLASS_METHODS.contains(method)
                    ? null
                    : "of a Class, expressions may call only getName(), getSimpleName(), getTypeName(), getCanonicalName()"
                            + " and getPackageName(), not " + method + "()";
        }
        String guarded = guardedKind(type);
        return guarded == null ? null : "methods of " + guarded + " may not be called in expressions";
    }

    private static String guardedKind(Class<?> type) {
        String packageName = type.getPackageName();
        if (packageName.equals("java.lang.reflect") || packageName.equals("java.lang.invoke")) {
            return "reflection types (" + type.getName() + ")";
        }
        if (ClassLoader.class.isAssignableFrom(type)) {
            return "class loaders";
        }
        if (Thread.class.isAssignableFrom(type) || ThreadGroup.class.isAssignableFrom(type)) {
            return "threads";
        }
        if (Runtime.class.isAssignableFrom(type) || Process.class.isAssignableFrom(type)
                || ProcessBuilder.class.isAssignableFrom(type) || ProcessHandle.class.isAssignableFrom(type)) {
            return "the runtime and processes";
        }
        if (Module.class.isAssignableFrom(type) || ModuleLayer.class.isAssignableFrom(type)) {
            return "modules";
        }
        return null;
    }
}
