package dev.cacheagent.cache;

import dev.cacheagent.cache.redis.ValueType;
import dev.cacheagent.observe.CacheGauge;
import java.util.List;

/**
 * One named cache, whatever its tier: {@code local} (Caffeine), {@code redis} (every lookup in Redis)
 * or {@code two-level} (a local copy in front of Redis). The runtime talks to caches through this
 * interface only.
 *
 * <p>Every method is safe to call on the application's threads and never throws: a tier that cannot
 * reach its store answers a miss and drops the write. Invalidations are public so that the admin API
 * can reach every instance through them.
 */
public interface CacheTier extends CacheGauge {

    /**
     * This cache as one method sees it: the same entries, with values read back from a shared tier
     * rebuilt as {@code type}. The local tier holds objects, not bytes, and returns itself.
     */
    default CacheTier forValues(ValueType type) {
        return this;
    }

    /**
     * The entry for {@code key}, or {@code null} on a miss. The local tier returns the stored entry
     * itself, so a hit allocates nothing. The entry is fresh, except in a cache with {@code staleIfError},
     * which keeps entries past their expiry: callers of such a cache check {@link CacheEntry#isFreshAt}.
     */
    CacheEntry get(Object key);

    /**
     * Starts, joins or refuses to join the load of a key that missed; see {@link Load}. A leader must
     * always end its flight.
     */
    default Load beginLoad(Object key) {
        return beginLoad(key, CacheEntry.Source.ORIGIN);
    }

    /**
     * As {@link #beginLoad(Object)}, for a load whose value is stored as coming from {@code source}: a
     * miss ({@link CacheEntry.Source#ORIGIN}), or a background {@link CacheEntry.Source#WARMUP warm-up} or
     * {@link CacheEntry.Source#REFRESH refresh}.
     */
    Load beginLoad(Object key, CacheEntry.Source source);

    /**
     * Stores a value that did not come from a load of this cache (a {@code put}, a warm-up): loads of
     * the key in progress are overtaken and will not overwrite it.
     */
    CacheEntry store(Object key, Object value, CacheEntry.Source source);

    /** Evicts one key; a load of it in progress will not store its value. */
    void invalidate(Object key);

    /**
     * Evicts every key whose {@linkplain KeyText text} matches {@code glob} ({@code *} any run of
     * characters, {@code ?} one); loads of such keys in progress will not store their values.
     */
    void invalidateMatching(String glob);

    /**
     * Evicts the key whose {@linkplain KeyText text} is {@code text}: how an operator names a key (the
     * admin API). The shared tiers keep entries by their text, so this is {@link #invalidate} of it.
     */
    default void invalidateText(String text) {
        invalidate(text);
    }

    /**
     * The {@code top} entries this instance holds that were served most often, most hits first, for
     * the admin API (a walk over every entry). A redis tier holds none in this JVM: it answers none.
     */
    default List<UsedEntry> mostUsed(int top) {
        return List.of();
    }

    /** Evicts everything; no load in progress will store its value. */
    void invalidateAll();

    /** Drops what this instance holds of the cache and releases its resources; shared entries stay. */
    void close();
}
