package dev.cacheagent.instrumentation;

import dev.cacheagent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code void} methods: timing, evictions and events; never skips the body. Like
 * {@link ValueAdvice}, its entry passes up to three arguments one by one, and {@link ManyArguments}
 * is the entry for methods of more parameters.
 */
final class VoidAdvice {
    private VoidAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@SiteId int site, @Advice.This(optional = true) Object receiver,
            @Advice.Argument(value = 0, optional = true) Object a0,
            @Advice.Argument(value = 1, optional = true) Object a1,
            @Advice.Argument(value = 2, optional = true) Object a2) {
        return Bridge.dispatcher.enter(site, receiver, a0, a1, a2);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@SiteId int site, @Advice.Enter Object context, @Advice.Thrown Throwable thrown) {
        if (context != null) {
            Bridge.dispatcher.exit(site, context, null, thrown);
        }
    }

    /** The entry for methods of more than three parameters: their arguments in an array. */
    static final class ManyArguments {
        private ManyArguments() {}

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static Object enter(@SiteId int site, @Advice.This(optional = true) Object receiver,
                @Advice.AllArguments Object[] args) {
            return Bridge.dispatcher.enter(site, receiver, args);
        }
    }
}
