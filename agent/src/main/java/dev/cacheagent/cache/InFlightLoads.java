package dev.cacheagent.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The loads of one cache that are running now, one per key. Evictions and puts go through here first
 * so that they {@linkplain Flight#invalidate() invalidate} the loads they overtake, and take them out
 * of the map so that later misses start a fresh load.
 */
final class InFlightLoads {
    private final ConcurrentHashMap<Object, Flight> flights = new ConcurrentHashMap<>();

    Load begin(Object key, LoadOwner cache, CacheEntry.Source source) {
        Thread current = Thread.currentThread();
        Flight running = flights.get(key);
        if (running == null) {
            Flight mine = new Flight(key, current, cache, source);
            running = flights.putIfAbsent(key, mine);
            if (running == null) {
                return new Load.Leader(mine);
            }
        }
        return running.isLedBy(current) ? new Load.Reentrant() : new Load.Follower(running);
    }

    void remove(Object key, Flight flight) {
        flights.remove(key, flight);
    }

    void invalidate(Object key) {
        Flight flight = flights.remove(key);
        if (flight != null) {
            flight.invalidate();
        }
    }

    void invalidateIf(Predicate<Object> keyMatches) {
        // The map's iterator sees every flight registered before it was created, which covers every
        // load that started before this eviction.
        for (Map.Entry<Object, Flight> running : flights.entrySet()) {
            if (keyMatches.test(running.getKey())) {
                flights.remove(running.getKey(), running.getValue());
                running.getValue().invalidate();
            }
        }
    }

    int size() {
        return flights.size();
    }
}
