package dev.cacheagent.bootstrap;

/** Holds the dispatcher that instrumented code calls. */
public final class Bridge {

    /** The installed dispatcher; a no-op one until the agent has started. */
    public static volatile Dispatcher dispatcher = NoopDispatcher.INSTANCE;

    private Bridge() {}
}
