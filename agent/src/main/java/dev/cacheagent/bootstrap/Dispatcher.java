package dev.cacheagent.bootstrap;

/**
 * What instrumented methods call. Every matched method is compiled, once per method, into a call
 * site numbered by the agent; the site number is a constant in the code the agent writes into the
 * method (see {@link Bridge}).
 *
 * <p>A method of up to three parameters enters through {@link #enter(int, Object, Object, Object, Object)},
 * its arguments passed one by one, so that a call builds no argument array; a method of more enters
 * through {@link #enter(int, Object, Object[])}.
 *
 * <p>Implementations must never throw: the bridge's entry points also drop anything they throw, but an
 * exception there costs a stack trace on the application's thread.
 */
public interface Dispatcher {

    /**
     * Called when an instrumented method of at most three parameters is entered.
     *
     * @param site the call site the agent assigned to this method
     * @param receiver {@code this}, or {@code null} for a static method
     * @param a0 the first argument (primitives boxed), {@code null} when the method has none; {@code a1}
     *     and {@code a2} likewise the second and third
     * @return {@code null} to run the method untouched (and skip {@link #exit}); a {@link Hit} to
     *     skip the method and return {@link Hit#value()}; anything else is a call context that is
     *     handed back to {@link #exit} once the original method has run
     */
    Object enter(int site, Object receiver, Object a0, Object a1, Object a2);

    /**
     * Called when an instrumented method of more than three parameters is entered; returns as
     * {@link #enter(int, Object, Object, Object, Object)} does.
     *
     * @param args the arguments (primitives boxed)
     */
    Object enter(int site, Object receiver, Object[] args);

    /**
     * Called when the original method has returned or thrown, for calls whose {@code enter}
     * returned a call context.
     *
     * @param returned what the method returned ({@code null} if it threw or is {@code void})
     * @param thrown what the method threw, or {@code null}
     * @return the value the caller receives. When {@code thrown} is not {@code null}, returning a
     *     {@link Hit} replaces the exception by {@link Hit#value()} (a stale value served during an
     *     outage); returning anything else lets the original exception propagate unchanged.
     */
    Object exit(int site, Object context, Object returned, Throwable thrown);
}
