package dev.cacheagent.runtime;

import java.lang.StackWalker.StackFrame;
import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The {@link Method} behind an instrumented method, so that the agent can call it again by itself (a
 * warm-up, a refresh). It is found from a call in progress: the class of the receiver that declares
 * the method, or, for a static method, the instrumented frame on the caller's stack (once; a static
 * method loaded by several class loaders is then always called in the first one seen).
 *
 * <p>Nothing here keeps an application's class loader alive: methods are remembered per class with a
 * {@link ClassValue}, and the class of a static method weakly.
 */
final class OriginalMethod {
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final int FRAMES_TO_SEARCH = 32;

    private final MethodInfo info;
    private final ClassValue<Method> methods = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return find(type);
        }
    };
    private volatile WeakReference<Class<?>> staticOwner = new WeakReference<>(null);

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
        Class<?> known = staticOwner.get();
        if (known != null && receiver == null) {
            return known;
        }
        Class<?> found = STACK.walk(frames -> frames.limit(FRAMES_TO_SEARCH)
                .filter(frame -> frame.getClassName().equals(info.declaringType())
                        && frame.getMethodName().equals(info.name()))
                .map(StackFrame::getDeclaringClass)
                .findFirst()
                .orElse(null));
        if (found != null && receiver == null) {
            staticOwner = new WeakReference<>(found);
        }
        return found;
    }

    /** The method itself, made accessible; looked up once per class. */
    Method in(Class<?> type) throws NoSuchMethodException {
        Method method = methods.get(type);
        if (method == null) {
            throw new NoSuchMethodException(info.displayName() + " with parameters "
                    + info.parameters().stream().map(MethodInfo.Parameter::type).toList()
                    + " is not declared by " + type.getName() + " as loaded");
        }
        return method;
    }

    /** {@code null} when the class does not declare the method. */
    private Method find(Class<?> type) {
        Method method = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(info.name()) && !m.isBridge() && !m.isSynthetic()
                        && parametersMatch(m.getParameterTypes()))
                .findFirst()
                .orElse(null);
        if (method != null) {
            method.setAccessible(true);
        }
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
