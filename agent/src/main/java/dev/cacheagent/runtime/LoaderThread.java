package dev.cacheagent.runtime;

/**
 * A thread of {@link LoaderThreads}. A background load calls the instrumented method itself, through
 * reflection, so that the call takes the same path as the application's (bridge, condition, key,
 * events); this thread carries what the call is for until the method's call site
 * {@linkplain #take takes} it.
 */
final class LoaderThread extends Thread {
    private BackgroundLoad pending;

    LoaderThread(Runnable task, String name) {
        super(task, name);
    }

    /** Marks the next call of {@code load}'s call site on this thread as that load. */
    void hand(BackgroundLoad load) {
        pending = load;
    }

    /**
     * The load handed for {@code site}, at most once: a call the method makes to itself, or any other
     * instrumented call it makes, is an ordinary call.
     */
    BackgroundLoad take(Site site) {
        BackgroundLoad load = pending;
        if (load == null || load.site() != site) {
            return null;
        }
        pending = null;
        return load;
    }

    /** Clears what was handed; {@code true} when the call site never took it (the call did not reach the cache). */
    boolean withdraw() {
        boolean untaken = pending != null;
        pending = null;
        return untaken;
    }
}
