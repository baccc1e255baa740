package dev.cacheagent.expression;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The template of {@link Call#of}: never loaded as itself. Its class file is copied into one hidden
 * class per handle, defined with that handle as its class data, which {@link #TARGET} reads when the
 * hidden class initialises. A {@code static final} field is a constant to the JIT, so the handle, and
 * the method behind it, inline into these methods.
 */
final class ConstantCall extends Call {
    private static final MethodHandle TARGET;

    static {
        try {
            TARGET = MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    Object call0(Object value) throws Throwable {
        return (Object) TARGET.invokeExact(value);
    }

    @Override
    Object call1(Object value, Object a0) throws Throwable {
        return (Object) TARGET.invokeExact(value, a0);
    }

    @Override
    Object call2(Object value, Object a0, Object a1) throws Throwable {
        return (Object) TARGET.invokeExact(value, a0, a1);
    }

    @Override
    Object call3(Object value, Object a0, Object a1, Object a2) throws Throwable {
        return (Object) TARGET.invokeExact(value, a0, a1, a2);
    }

    @Override
    Object callN(Object value, Object[] arguments) throws Throwable {
        return (Object) TARGET.invokeExact(value, arguments);
    }
}
