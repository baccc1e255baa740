package dev.cacheagent.cache;

import dev.cacheagent.bootstrap.Hit;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One load of one key in progress: the leader runs the original method, followers wait for its value.
 *
 * <p>An eviction or put of the key while the load runs {@linkplain #invalidate() invalidates} it: the
 * value still goes to the leader and its followers (their calls overlapped the eviction), but it is
 * not stored, so a value read before a write never lands in the cache after the write's eviction.
 * The check and the store happen under this flight's lock, and so does the invalidation.
 */
public final class Flight {
    private final Object key;
    private final Thread leader;
    private final LoadOwner cache;
    private final CacheEntry.Source source;
    private final CompletableFuture<Hit> outcome = new CompletableFuture<>();
    private volatile Object snapshot;
    private boolean invalidated;
    private boolean finished;

    Flight(Object key, Thread leader, LoadOwner cache, CacheEntry.Source source) {
        this.key = key;
        this.leader = leader;
        this.cache = cache;
        this.source = source;
    }

    /**
     * What the tier saw of the key in a shared store when the load began, so that it stores the loaded
     * value only if nothing changed the key since (see the Redis tiers); {@code null} for the local tier.
     */
    Object snapshot() {
        return snapshot;
    }

    void remember(Object seen) {
        snapshot = seen;
    }

    boolean isLedBy(Thread thread) {
        return leader == thread;
    }

    /** Marks the load as overtaken by an eviction or put: whatever it returns is not stored. */
    void invalidate() {
        synchronized (this) {
            invalidated = true;
        }
    }

    /**
     * The leader's method returned {@code value}. Stores it, as coming from the source the load was
     * begun with ({@link CacheEntry.Source#ORIGIN origin} for a miss), when {@code store} is true and no
     * eviction or put of the key happened since the load began, then hands it to the followers.
     *
     * @return whether the value was stored
     */
    public boolean succeed(Object value, boolean store) {
        Hit result;
        synchronized (this) {
            if (finished) {
                return false;
            }
            finished = true;
            result = store && !invalidated ? cache.storeLoaded(key, value, snapshot, source) : null;
        }
        cache.loads().remove(key, this);
        outcome.complete(result != null ? result : new Hit(value));
        return result != null;
    }

    /**
     * The leader's method threw (or its future failed). Nothing is stored; followers that wait run the
     * method themselves, followers holding a {@link #value()} future see the same failure.
     */
    public void fail(Throwable error) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        cache.loads().remove(key, this);
        outcome.completeExceptionally(error);
    }

    /** Ends the flight without a value (the load could not be completed); a no-op once it has ended. */
    public void abandon() {
        fail(new CancellationException("the load of this key was abandoned"));
    }

    /**
     * Waits for the leader. Interruptible: when interrupted the flag is restored and {@code null} returned.
     *
     * @return the leader's value as a {@link Hit} (the stored entry itself when it was stored), or
     *     {@code null} when the caller must run the method itself: the leader failed, or the wait was
     *     interrupted
     */
    public Hit await() {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | CancellationException e) {
            return null;
        }
    }

    /**
     * The leader's value as a future that never blocks the caller: it completes with the value, or
     * exceptionally with the leader's own failure.
     */
    public CompletableFuture<Object> value() {
        CompletableFuture<Object> value = new CompletableFuture<>();
        outcome.whenComplete((hit, error) -> {
            if (error != null) {
                value.completeExceptionally(error);
            } else {
                value.complete(hit.value());
            }
        });
        return value;
    }
}
