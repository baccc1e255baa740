package dev.cacheagent.expression;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

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
        return of(handle, Template.BYTES);
    }

    /** As {@link #of(MethodHandle)}, from this class file of the template ({@code null}: none could be read). */
    static Call of(MethodHandle handle, byte[] template) {
        if (template != null) {
            try {
                MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(template, handle, true);
                // Not STRONG: the class is unloaded with the node that holds its only instance.
                return (Call) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError error) {
                    throw error;
                }
                // fall through: the plain call below works wherever the handle does
            }
        }
        return dynamic(handle);
    }

    /** A call through a handle held in a field: works everywhere, and the JIT does not inline through it. */
    static Call dynamic(MethodHandle handle) {
        return new Dynamic(handle);
    }

    /** Whether {@link #of} defines hidden classes here (false: it falls back to {@link #dynamic}). */
    static boolean specializes() {
        return Template.BYTES != null;
    }

    /** The class file of {@link ConstantCall}, read once; {@code null} when it cannot be read. */
    private static final class Template {
        static final byte[] BYTES = read();

        private static byte[] read() {
            // By name, not through ConstantCall.class: the template itself must never be loaded or initialised.
            try (InputStream in = Call.class.getResourceAsStream("ConstantCall.class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException | RuntimeException e) {
                return null;
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
