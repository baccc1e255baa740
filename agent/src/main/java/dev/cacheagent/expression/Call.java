package dev.cacheagent.expression;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Calls one linked member (or a fused chain of them, see {@link Chain}): a method handle typed
 * {@code (Object, Object...)Object} with as many arguments as the method of the same arity here,
 * or {@code (Object, Object[])Object} for {@link #callN}. Only the method matching the handle's type
 * may be called.
 *
 * <p>Why not just keep the handle in a field and call {@code invokeExact} on it: the JIT inlines
 * through a method handle only when the handle is a constant. A handle read from a node's field is
 * not, so every call went through the handle's lambda forms, out of line, without the called method
 * being inlined. {@link #of} instead defines, per handle, a hidden class copied from the template
 * {@link ConstantCall} whose {@code static final} field holds the handle: to the JIT a constant, so
 * a call of {@code String.trim()} compiles to {@code trim()} inlined into that class's method.
 */
abstract class Call {

    abstract Object call0(Object value) throws Throwable;

    abstract Object call1(Object value, Object a0) throws Throwable;

    abstract Object call2(Object value, Object a0, Object a1) throws Throwable;

    abstract Object call3(Object value, Object a0, Object a1, Object a2) throws Throwable;

    abstract Object callN(Object value, Object[] arguments) throws Throwable;

    /**
     * A call of {@code handle} the JIT can inline through: an instance of a hidden class of its own.
     * Falls back to {@link #dynamic} when such a class cannot be defined (the template's class file
     * cannot be read, a security manager, a class loader that does not serve resources): a failure to
     * speed calls up never keeps them from working.
     */
    static Call of(MethodHandle handle) {
        return of(handle, Template.bytes("ConstantCall"));
    }

    /** As {@link #of(MethodHandle)}, from this class file of the template ({@code null}: none could be read). */
    static Call of(MethodHandle handle, byte[] template) {
        Call call = define(template, handle);
        return call != null ? call : dynamic(handle);
    }

    /**
     * An instance of a hidden class copied from {@code template} (a subclass of this class in this
     * package, with a no-argument constructor) with this class data; {@code null} when it cannot be
     * defined, the caller then falls back to a call that needs no class of its own.
     */
    static Call define(byte[] template, Object classData) {
        if (template == null) {
            return null;
        }
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(template, classData, true);
            // Not STRONG: the class is unloaded with the node that holds its only instance.
            return (Call) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError error) {
                throw error;
            }
            return null;
        }
    }

    /** A call through a handle held in a field: works everywhere, and the JIT does not inline through it. */
    static Call dynamic(MethodHandle handle) {
        return new Dynamic(handle);
    }

    /** Whether {@link #of} defines hidden classes here (false: it falls back to {@link #dynamic}). */
    static boolean specializes() {
        return Template.bytes("ConstantCall") != null;
    }

    /** The class files of the templates, each read once; {@code null} for one that cannot be read. */
    static final class Template {
        private static final java.util.Map<String, Optional<byte[]>> BYTES = new java.util.concurrent.ConcurrentHashMap<>();

        private Template() {}

        /** The class file of the template class {@code name} of this package, or {@code null}. */
        static byte[] bytes(String name) {
            Optional<byte[]> known = BYTES.get(name);
            if (known == null) {
                known = read(name);
                BYTES.putIfAbsent(name, known);
            }
            return known.orElse(null);
        }

        private static Optional<byte[]> read(String name) {
            // By name, not through a class literal: a template itself must never be loaded or initialised.
            try (InputStream in = Call.class.getResourceAsStream(name.concat(".class"))) {
                return Optional.ofNullable(in == null ? null : in.readAllBytes());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    /** The fallback: today's path, a handle read from a field. */
    private static final class Dynamic extends Call {
        private final MethodHandle handle;

        Dynamic(MethodHandle handle) {
            this.handle = handle;
        }

        @Override
        Object call0(Object value) throws Throwable {
            return (Object) handle.invokeExact(value);
        }

        @Override
        Object call1(Object value, Object a0) throws Throwable {
            return (Object) handle.invokeExact(value, a0);
        }

        @Override
        Object call2(Object value, Object a0, Object a1) throws Throwable {
            return (Object) handle.invokeExact(value, a0, a1);
        }

        @Override
        Object call3(Object value, Object a0, Object a1, Object a2) throws Throwable {
            return (Object) handle.invokeExact(value, a0, a1, a2);
        }

        @Override
        Object callN(Object value, Object[] arguments) throws Throwable {
            return (Object) handle.invokeExact(value, arguments);
        }
    }
}
