package dev.cacheagent.cache;

/**
 * The part a caller plays in loading a key that missed (see {@link CacheTier#beginLoad}).
 */
public sealed interface Load {

    /**
     * No load of this key was in progress: the caller runs the original method and must end the
     * flight with {@link Flight#succeed}, {@link Flight#fail} or {@link Flight#abandon}, whatever happens.
     */
    record Leader(Flight flight) implements Load {}

    /** Another thread is loading this key: wait for its value with {@link Flight#await} or {@link Flight#value}. */
    record Follower(Flight flight) implements Load {}

    /**
     * This very thread is already loading this key (the method called itself with the same key):
     * waiting would deadlock, so the caller runs the method itself and stores nothing.
     */
    record Reentrant() implements Load {}
}
