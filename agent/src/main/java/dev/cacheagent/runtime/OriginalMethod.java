package dev.cacheagent.runtime;

import java.lang.StackWalker.StackFrame;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The {@link Method} behind an instrumented method, so that the agent can call it again by itself (a
 * warm-up, a refresh). It is found from a call in progress: the class of the receiver that declares
 * the method, or, for a static method, the instrumented frame on the caller's stack (once; a static
 * method loaded by several class loaders is then always called in the first one seen).
 */
final class OriginalMethod {
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final int FRAMES_TO_SEARCH = 32;

    private final MethodInfo info;
    private volatile Resolved resolved;

    private record Resolved(Class<?> type, Method method) {}

    OriginalMethod(MethodInfo info) {
        this.info = info;
    }

    /**
     * The class that declares the method, for a call of it running on this thread now; {@code null}
     * when it cannot be told. Cheap for an instance method; walks the stack once for a static one.
     */
    Class<?> declaringClass(Object receiver) {
        if (receiver != null) {
            for (Class<?> type = receiver.getClass(); type != null; type = type.getSuperclass()) {
                if (type.getName().equals(info.declaringType())) {
                    return type;
                }
            }
        }
        Resolved known = resolved;
        if (known != null && (receiver == null || known.type().isInstance(receiver))) {
            return known.type();
        }
        return STACK.walk(frames -> frames.limit(FRAMES_TO_SEARCH)
                .filter(frame -> frame.getClassName().equals(info.declaringType())
                        && frame.getMethodName().equals(info.name()))
                .map(StackFrame::getDeclaringClass)
                .findFirst()
                .orElse(null));
    }

    /** The method itself, made accessible; looked up once per class. */
    Method in(Class<?> type) throws NoSuchMethodException {
        Resolved known = resolved;
        if (known != null && known.type() == type) {
            return known.method();
        }
        Method method = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(info.name()) && !m.isBridge() && !m.isSynthetic()
                        && parametersMatch(m.getParameterTypes()))
                .findFirst()
                .orElseThrow(() -> new NoSuchMethodException(info.displayName() + " with parameters "
                        + info.parameters().stream().map(MethodInfo.Parameter::type).toList()
                        + " is not declared by " + type.getName() + " as loaded"));
        method.setAccessible(true);
        resolved = new Resolved(type, method);
        return method;
    }

    private boolean parametersMatch(Class<?>[] types) {
        if (types.length != info.parameters().size()) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            if (!types[i].getTypeName().equals(info.parameters().get(i).type())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Calls the method.
     *
     * @throws InvocationTargetException wrapping what the method threw
     */
    static Object invoke(Method method, Object receiver, Object[] args)
            throws InvocationTargetException, IllegalAccessException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Application code may look resources up through the context loader, as it would on its own threads.
        thread.setContextClassLoader(method.getDeclaringClass().getClassLoader());
        try {
            return method.invoke(receiver, args);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
