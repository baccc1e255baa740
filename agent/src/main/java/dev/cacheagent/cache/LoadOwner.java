package dev.cacheagent.cache;

/**
 * A tier whose loads run through {@link Flight}s: it stores what a flight loaded and keeps the flights
 * of its keys.
 */
interface LoadOwner {

    /**
     * Stores the value a flight loaded. Called under the flight's lock, so that an eviction cannot slip
     * between the flight's check and the store; must not block on I/O.
     *
     * @param snapshot what the tier recorded when the load began ({@link Flight#snapshot()})
     * @param source how the load was begun: a miss ({@code ORIGIN}), a warm-up or a refresh
     * @return the entry handed to the followers
     */
    CacheEntry storeLoaded(Object key, Object value, Object snapshot, CacheEntry.Source source);

    InFlightLoads loads();
}
