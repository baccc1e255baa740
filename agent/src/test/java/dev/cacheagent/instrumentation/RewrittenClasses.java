package dev.cacheagent.instrumentation;

import dev.cacheagent.runtime.MethodInfo;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
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
        byte[] rewritten = SiteRewriter.rewrite(classFile(type), sites);
        ClassLoader loader = new ClassLoader(type.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    if (!name.equals(type.getName())) {
                        return super.loadClass(name, resolve);
                    }
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : defineClass(name, rewritten, 0, rewritten.length);
                }
            }
        };
        try {
            return Class.forName(type.getName(), true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
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
