package dev.cacheagent.instrumentation;

import dev.cacheagent.bootstrap.Bridge;
import dev.cacheagent.bootstrap.Hit;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into methods that return a value. A {@link Hit} from the dispatcher skips the original
 * body and returns the cached value. Anything the dispatcher throws is suppressed, so the original
 * method runs and returns as if the agent were absent.
 *
 * <p>This class's entry passes up to three arguments one by one (absent ones as {@code null}), so a
 * call builds no argument array; {@link ManyArguments} is the entry for methods of more parameters.
 */
final class ValueAdvice {
    private ValueAdvice() {}

    @Advice.OnMethodEnter(skipOn = Hit.class, suppress = Throwable.class)
    static Object enter(@SiteId int site, @Advice.This(optional = true) Object receiver,
            @Advice.Argument(value = 0, optional = true) Object a0,
            @Advice.Argument(value = 1, optional = true) Object a1,
            @Advice.Argument(value = 2, optional = true) Object a2) {
        return Bridge.dispatcher.enter(site, receiver, a0, a1, a2);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@SiteId int site, @Advice.Enter Object context,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
            @Advice.Thrown(readOnly = false) Throwable thrown) {
        if (context == null) {
            return;
        }
        if (context instanceof Hit) {
            returned = ((Hit) context).value();
            return;
        }
        Object outcome = Bridge.dispatcher.exit(site, context, returned, thrown);
        if (thrown == null) {
            returned = outcome;
        } else if (outcome instanceof Hit) {
            returned = ((Hit) outcome).value();
            thrown = null;
        }
    }

    /** The entry for methods of more than three parameters: their arguments in an array. */
    static final class ManyArguments {
        private ManyArguments() {}

        @Advice.OnMethodEnter(skipOn = Hit.class, suppress = Throwable.class)
        static Object enter(@SiteId int site, @Advice.This(optional = true) Object receiver,
                @Advice.AllArguments Object[] args) {
            return Bridge.dispatcher.enter(site, receiver, args);
        }
    }
}
