package dev.cacheagent.instrumentation;

import dev.cacheagent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code void} methods: timing, evictions and events; never skips the body. */
final class VoidAdvice {
    private VoidAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@SiteId int site, @Advice.This(optional = true) Object receiver,
            @Advice.AllArguments Object[] args) {
        return Bridge.dispatcher.enter(site, receiver, args);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@SiteId int site, @Advice.Enter Object context, @Advice.Thrown Throwable thrown) {
        if (context != null) {
            Bridge.dispatcher.exit(site, context, null, thrown);
        }
    }
}
