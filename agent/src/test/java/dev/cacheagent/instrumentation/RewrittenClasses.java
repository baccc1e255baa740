package dev.cacheagent.instrumentation;

import dev.cacheagent.runtime.MethodInfo;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads a copy of a test class whose methods {@link SiteRewriter} rewrote, as the transformer would. */
final class RewrittenClasses {
    private RewrittenClasses() {}

    /**
     * A copy of {@code type}, defined by a class loader of its own (and so verified by the JVM), with the
     * methods in {@code sites} rewritten; every other class comes from the test's class loader.
     */
    static Class<?> load(Class<?> type, Map<String, Integer> sites) {
        return load(type, sites, List.of()).get(0);
    }

    /**
     * As {@link #load(Class, Map)}, with copies of {@code unchanged} defined by the same class loader (say, a class
     * implementing the rewritten interface); returns the copy of {@code type}, then those of {@code unchanged}.
     */
    static List<Class<?>> load(Class<?> type, Map<String, Integer> sites, List<Class<?>> unchanged) {
        Map<String, byte[]> defined = new HashMap<>();
        defined.put(type.getName(), SiteRewriter.rewrite(classFile(type), sites));
        for (Class<?> other : unchanged) {
            defined.put(other.getName(), classFile(other));
        }
        ClassLoader loader = new ClassLoader(type.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    byte[] bytes = defined.get(name);
                    if (bytes == null) {
                        return super.loadClass(name, resolve);
                    }
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
                }
            }
        };
        List<Class<?>> copies = new ArrayList<>();
        try {
            copies.add(Class.forName(type.getName(), true, loader));
            for (Class<?> other : unchanged) {
                copies.add(Class.forName(other.getName(), true, loader));
            }
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        return copies;
    }

    static byte[] classFile(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The method as the instrumentation describes it, here read by reflection (tests compile with -parameters). */
    static MethodInfo methodInfo(Method method) {
        List<MethodInfo.Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Class<?> type = parameter.getType();
            parameters.add(new MethodInfo.Parameter(parameter.getName(), type.getTypeName(), valueEquality(type)));
        }
        return new MethodInfo(method.getDeclaringClass().getName(), method.getName(), parameters,
                method.getReturnType().getTypeName(), method.getGenericReturnType().getTypeName(),
                Modifier.isStatic(method.getModifiers()));
    }

    private static boolean valueEquality(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isEnum()) {
            return true;
        }
        try {
            return type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
