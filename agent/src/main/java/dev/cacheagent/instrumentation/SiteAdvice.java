package dev.cacheagent.instrumentation;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;

/**
 * The advice inlined into one instrumented method, picked by its shape: {@link VoidAdvice} or
 * {@link ValueAdvice} by its return type; by its parameter count, an entry that passes up to three
 * arguments one by one (a call builds no array, see {@link dev.cacheagent.bootstrap.Dispatcher}) or
 * one that passes them all in an array.
 */
final class SiteAdvice {
    /** The most arguments the bridge takes one by one. */
    static final int MAX_SEPARATE_ARGUMENTS = 3;

    private SiteAdvice() {}

    /** The advice for {@code method}, bound to call site {@code site}. */
    static Advice of(MethodDescription method, int site) {
        boolean returnsNothing = method.getReturnType().represents(void.class);
        boolean few = method.getParameters().size() <= MAX_SEPARATE_ARGUMENTS;
        Class<?> exit = returnsNothing ? VoidAdvice.class : ValueAdvice.class;
        Class<?> enter = few ? exit : returnsNothing ? VoidAdvice.ManyArguments.class : ValueAdvice.ManyArguments.class;
        return Advice.withCustomMapping().bind(SiteId.class, site).to(enter, exit);
    }
}
