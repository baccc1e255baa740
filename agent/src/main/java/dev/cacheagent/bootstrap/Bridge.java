package dev.cacheagent.bootstrap;

/**
 * Holds the dispatcher that instrumented code calls, and the static entry points that code calls it
 * through. The entry points never throw: whatever the dispatcher throws is dropped here, so that the
 * application's method runs and returns as if the agent were absent.
 *
 * <p>The code the agent writes into an instrumented method is, in Java terms:
 *
 * <pre>{@code
 * Object context = Bridge.enter(SITE, this, a0, a1, a2);      // or enter(SITE, this, new Object[] {...})
 * if (context instanceof Hit) return (R) ((Hit) context).value();   // not in void methods
 * try {
 *     ... original body, each "return v" becoming "return (R) Bridge.exit(v, context, SITE)" ...
 * } catch (Throwable t) {
 *     Hit stale = Bridge.thrown(t, context, SITE);
 *     if (stale != null) return (R) stale.value();                    // not in void methods
 *     throw t;
 * }
 * }</pre>
 */
public final class Bridge {

    /** The installed dispatcher; a no-op one until the agent has started. */
    public static volatile Dispatcher dispatcher = NoopDispatcher.INSTANCE;

    private Bridge() {}

    /** Enters a method of at most three parameters; see {@link Dispatcher#enter(int, Object, Object, Object, Object)}. */
    public static Object enter(int site, Object receiver, Object a0, Object a1, Object a2) {
        try {
            return dispatcher.enter(site, receiver, a0, a1, a2);
        } catch (Throwable e) {
            return null;
        }
    }

    /** Enters a method of more than three parameters; see {@link Dispatcher#enter(int, Object, Object[])}. */
    public static Object enter(int site, Object receiver, Object[] args) {
        try {
            return dispatcher.enter(site, receiver, args);
        } catch (Throwable e) {
            return null;
        }
    }

    /**
     * The value a method returns, once its original body returned {@code returned} ({@code null} for
     * {@code void}); {@code returned} itself when there is no call context or the dispatcher fails.
     */
    public static Object exit(Object returned, Object context, int site) {
        if (context == null) {
            return returned;
        }
        try {
            return dispatcher.exit(site, context, returned, null);
        } catch (Throwable e) {
            return returned;
        }
    }

    /**
     * What replaces the exception a method's original body threw: a {@link Hit} whose value the method
     * returns instead, or {@code null} to let the exception propagate unchanged.
     */
    public static Hit thrown(Throwable thrown, Object context, int site) {
        if (context == null) {
            return null;
        }
        try {
            return dispatcher.exit(site, context, null, thrown) instanceof Hit stale ? stale : null;
        } catch (Throwable e) {
            return null;
        }
    }
}
