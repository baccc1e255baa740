package dev.cacheagent.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.cacheagent.config.CacheSpec;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;

/**
 * The local tier: a Caffeine cache bounded by {@code maxEntries}, each entry expiring {@code ttl}
 * (± {@code jitter}) after it was stored, plus the loads of its keys in progress (single flight, no
 * stale write-back). Thread-safe; lookups take no lock.
 */
public final class LocalCache implements CacheTier {
    private final String name;
    private final Clock clock;
    private final EntryLifetime lifetime;
    private final InFlightLoads loads = new InFlightLoads();
    private final LoadOwner owner = new LoadOwner() {
        @Override
        public CacheEntry storeLoaded(Object key, Object value, Object snapshot, CacheEntry.Source source) {
            return LocalCache.this.storeLoaded(key, value, source);
        }

        @Override
        public InFlightLoads loads() {
            return loads;
        }
    };
    private final LongAdder sizeEvictions = new LongAdder();
    private final LongAdder expiryEvictions = new LongAdder();
    private final Cache<Object, CacheEntry> entries;

    LocalCache(CacheSpec spec, Clock clock, Random random) {
        this.name = spec.name();
        this.clock = clock;
        this.lifetime = EntryLifetime.of(spec, random);
        this.entries = lifetime.applyTo(Caffeine.newBuilder())
                .maximumSize(spec.maxEntries())
                .ticker(clock::nanoTime)
                // Maintenance and the listener (a counter) run on the calling thread: they are short,
                // and the agent must not depend on the application's common pool being free.
                .executor(Runnable::run)
                .<Object, CacheEntry>evictionListener((key, entry, cause) -> countEviction(cause))
                .build();
    }

    private void countEviction(RemovalCause cause) {
        switch (cause) {
            case SIZE -> sizeEvictions.increment();
            case EXPIRED -> expiryEvictions.increment();
            default -> { }
        }
    }

    @Override
    public String cacheName() {
        return name;
    }

    /**
     * The entry for {@code key}, or {@code null}. Takes no lock and reads the clock only as Caffeine
     * does. The entry is fresh, except in a cache with {@code staleIfError}, which keeps entries past
     * their expiry (see {@link EntryLifetime}): callers of such a cache check {@link CacheEntry#isFreshAt}.
     */
    @Override
    public CacheEntry get(Object key) {
        return entries.getIfPresent(key);
    }

    /**
     * Starts, joins or refuses to join the load of a key that missed; see {@link Load}. A leader must
     * always end its flight.
     */
    @Override
    public Load beginLoad(Object key, CacheEntry.Source source) {
        return loads.begin(key, owner, source);
    }

    /** Stores what a flight loaded; see {@link LoadOwner#storeLoaded}. */
    CacheEntry storeLoaded(Object key, Object value, CacheEntry.Source source) {
        CacheEntry entry = lifetime.newEntry(value, source, clock.nanoTime());
        entries.put(key, entry);
        return entry;
    }

    InFlightLoads loads() {
        return loads;
    }

    /**
     * Stores a value that did not come from a load of this cache (a {@code put}, a warm-up): loads of
     * the key in progress are overtaken and will not overwrite it.
     */
    @Override
    public CacheEntry store(Object key, Object value, CacheEntry.Source source) {
        loads.invalidate(key);
        CacheEntry entry = lifetime.newEntry(value, source, clock.nanoTime());
        entries.put(key, entry);
        return entry;
    }

    /** Evicts one key; a load of it in progress will not store its value. */
    @Override
    public void invalidate(Object key) {
        loads.invalidate(key);
        entries.invalidate(key);
    }

    /**
     * Evicts every key whose {@linkplain KeyText text} matches {@code glob} ({@code *} any run of
     * characters, {@code ?} one); loads of such keys in progress will not store their values.
     */
    @Override
    public void invalidateMatching(String glob) {
        KeyGlob keys = KeyGlob.compile(glob);
        loads.invalidateIf(keys::matches);
        entries.asMap().keySet().removeIf(keys::matches);
    }

    /**
     * Evicts the key whose {@linkplain KeyText text} is {@code text} (how an operator names a key:
     * {@code p1:s1} names the composite key of {@code p1} and {@code s1}); loads of it in progress will
     * not store their values.
     */
    @Override
    public void invalidateText(String text) {
        loads.invalidateIf(key -> sameText(key, text));
        entries.asMap().keySet().removeIf(key -> sameText(key, text));
    }

    private static boolean sameText(Object key, String text) {
        try {
            return KeyText.of(key).equals(text);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The {@code top} entries served most often, most hits first: a walk over every entry, for the
     * admin API, never for the call path.
     */
    @Override
    public List<UsedEntry> mostUsed(int top) {
        return UsedEntry.mostUsed(entries.asMap(), top, clock.nanoTime());
    }

    /** Evicts everything; no load in progress will store its value. */
    @Override
    public void invalidateAll() {
        loads.invalidateIf(key -> true);
        entries.invalidateAll();
    }

    @Override
    public long size() {
        return entries.estimatedSize();
    }

    /** Entries removed because of size or expiry. */
    @Override
    public long evictions() {
        return sizeEvictions.sum() + expiryEvictions.sum();
    }

    /** Entries removed to stay within {@code maxEntries}. */
    public long sizeEvictions() {
        return sizeEvictions.sum();
    }

    /** Entries removed because they expired. */
    public long expiryEvictions() {
        return expiryEvictions.sum();
    }

    /** Runs pending maintenance now (expiries and size evictions that Caffeine would run on a later access). */
    void cleanUp() {
        entries.cleanUp();
    }

    /** Drops every entry and ends every load's chance to store. */
    @Override
    public void close() {
        invalidateAll();
        entries.cleanUp();
    }
}
