package dev.cacheagent.runtime;

import dev.cacheagent.cache.CacheEntry;
import dev.cacheagent.cache.Flight;

/**
 * A load of one key that the agent runs in the background, as the call of the instrumented method it
 * makes for it on a {@link LoaderThread}: the call leads {@code flight} and stores its value as coming
 * from the kind's source.
 */
record BackgroundLoad(Site site, Kind kind, Object key, Flight flight) {

    /** Why the agent loads a key by itself, which says how its entry is marked and what events it writes. */
    enum Kind {
        /** A rule's {@code warmup} argument list, loaded after the method's first call. */
        WARMUP(CacheEntry.Source.WARMUP, CallEvent.WARMUP_POPULATE, CallEvent.WARMUP_ERROR),
        /** An entry a hit found older than {@code refreshAhead}, reloaded ahead of its expiry. */
        REFRESH(CacheEntry.Source.REFRESH, CallEvent.REFRESH, CallEvent.REFRESH_ERROR);

        private final CacheEntry.Source source;
        private final CallEvent stored;
        private final CallEvent failed;

        Kind(CacheEntry.Source source, CallEvent stored, CallEvent failed) {
            this.source = source;
            this.stored = stored;
            this.failed = failed;
        }

        CacheEntry.Source source() {
            return source;
        }

        /** The event of a load that stored its value. */
        CallEvent stored() {
            return stored;
        }

        /** The event of a load that did not. */
        CallEvent failed() {
            return failed;
        }
    }
}
