package dev.cacheagent.expression;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The template of a fused chain of 2 members ({@link Chain}): never loaded as itself. Its class file
 * is copied into one hidden class per chain, defined with the members' handles as its class data, which
 * the {@code static final} fields read when the hidden class initialises: constants to the JIT, so the
 * members inline into {@link #call0}. Written out in Java rather than composed with method handle
 * combinators, which would generate lambda form classes at the first evaluation.
 */
final class FusedCall2 extends Chain.Fused {
    private static final MethodHandle S0;
    private static final MethodHandle S1;

    static {
        try {
            S0 = MethodHandles.classDataAt(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class, 0);
            S1 = MethodHandles.classDataAt(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class, 1);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    Object call0(Object value) throws Throwable {
        Object step = value;
        try {
            step = (Object) S0.invokeExact(step);
        } catch (Throwable thrown) {
            throw Chain.stepFailed(0, thrown);
        }
        if (step == null) {
            return Chain.nullTarget(1);
        }
        try {
            return (Object) S1.invokeExact(step);
        } catch (Throwable thrown) {
            throw Chain.stepFailed(1, thrown);
        }
    }
}
