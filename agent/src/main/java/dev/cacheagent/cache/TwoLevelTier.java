package dev.cacheagent.cache;

import dev.cacheagent.cache.redis.Invalidations;
import dev.cacheagent.cache.redis.RedisUnavailable;
import dev.cacheagent.cache.redis.ValueCodec;
import dev.cacheagent.cache.redis.ValueType;
import java.util.List;
import java.util.function.Function;

/**
 * {@code tier: two-level}: a local copy, at most {@code localTtl} old, in front of the cache's entries in
 * Redis. Every store, put and eviction is announced on the invalidation channel, and every other
 * instance drops its copies of the keys concerned (and lets no load of them in progress store). While
 * the subscription is down no copies are kept or used: every lookup goes to Redis.
 */
final class TwoLevelTier implements CacheTier {
    private final RedisEntries entries;
    private final LocalCopies copies;
    private final Invalidations invalidations;
    private final InFlightLoads loads;
    private final ValueCodec codec;
    private final Function<ValueType, ValueCodec> codecs;
    private final LoadOwner owner = new LoadOwner() {
        @Override
        public CacheEntry storeLoaded(Object key, Object value, Object snapshot, CacheEntry.Source source) {
            CacheEntry entry = entries.newEntry(value, source);
            if (snapshot instanceof RedisEntries.Snapshot seen) {
                String text = KeyText.of(key);
                long generation = copies.generation();
                // The copy is kept only once Redis took the value: an eviction on another instance whose
                // message has not arrived yet has already made the compare-and-set fail.
                entries.storeLoaded(text, value, seen, source, () -> {
                    if (invalidations.isLive()) {
                        copies.keep(text, entry, generation);
                    }
                    announce(text);
                });
            }
            return entry;
        }

        @Override
        public InFlightLoads loads() {
            return loads;
        }
    };

    TwoLevelTier(RedisEntries entries, LocalCopies copies, Invalidations invalidations,
            Function<ValueType, ValueCodec> codecs) {
        this(entries, copies, invalidations, new InFlightLoads(), codecs.apply(ValueType.OBJECT), codecs);
        invalidations.listen(entries.name(), new Invalidations.Listener() {
            @Override
            public void keyChanged(String keyText) {
                copies.drop(keyText);
                loads.invalidateIf(key -> KeyText.of(key).equals(keyText));
            }

            @Override
            public void keysMatchingChanged(String glob) {
                KeyGlob keys = KeyGlob.compile(glob);
                copies.dropMatching(keys);
                loads.invalidateIf(keys::matches);
            }

            @Override
            public void allChanged() {
                copies.dropAll();
            }
        });
    }

    private TwoLevelTier(RedisEntries entries, LocalCopies copies, Invalidations invalidations, InFlightLoads loads,
            ValueCodec codec, Function<ValueType, ValueCodec> codecs) {
        this.entries = entries;
        this.copies = copies;
        this.invalidations = invalidations;
        this.loads = loads;
        this.codec = codec;
        this.codecs = codecs;
    }

    @Override
    public CacheTier forValues(ValueType type) {
        return new TwoLevelTier(entries, copies, invalidations, loads, codecs.apply(type), codecs);
    }

    @Override
    public String cacheName() {
        return entries.name();
    }

    @Override
    public CacheEntry get(Object key) {
        String text = KeyText.of(key);
        boolean live = invalidations.isLive();
        if (live) {
            CacheEntry copy = copies.get(text);
            if (copy != null) {
                return copy;
            }
        }
        long generation = copies.generation();
        CacheEntry found = entries.read(text, codec);
        if (found != null && live && invalidations.isLive()) {
            copies.keep(text, found, generation);
        }
        return found;
    }

    @Override
    public Load beginLoad(Object key, CacheEntry.Source source) {
        Load load = loads.begin(key, owner, source);
        if (load instanceof Load.Leader leader) {
            leader.flight().remember(entries.snapshot(KeyText.of(key), codec));
        }
        return load;
    }

    @Override
    public CacheEntry store(Object key, Object value, CacheEntry.Source source) {
        String text = KeyText.of(key);
        loads.invalidate(key);
        copies.drop(text);
        entries.put(text, value, source, codec);
        announce(text);
        return entries.newEntry(value, source);
    }

    /** The local copies this instance holds, by key text. */
    @Override
    public List<UsedEntry> mostUsed(int top) {
        return copies.mostUsed(top);
    }

    @Override
    public void invalidate(Object key) {
        String text = KeyText.of(key);
        loads.invalidate(key);
        copies.drop(text);
        entries.evict(text);
        announce(text);
    }

    @Override
    public void invalidateMatching(String glob) {
        KeyGlob keys = KeyGlob.compile(glob);
        loads.invalidateIf(keys::matches);
        copies.dropMatching(keys);
        entries.evictMatching(glob);
        try {
            invalidations.keysMatchingChanged(entries.name(), glob);
        } catch (RedisUnavailable e) {
            // Reported; other instances' copies expire within localTtl.
        }
    }

    @Override
    public void invalidateAll() {
        loads.invalidateIf(key -> true);
        copies.dropAll();
        entries.evictAll();
        try {
            invalidations.allChanged(entries.name());
        } catch (RedisUnavailable e) {
            // Reported; other instances' copies expire within localTtl.
        }
    }

    private void announce(String keyText) {
        try {
            invalidations.keyChanged(entries.name(), keyText);
        } catch (RedisUnavailable e) {
            // Reported; other instances' copies expire within localTtl.
        }
    }

    /** The local copies this instance holds. */
    @Override
    public long size() {
        return copies.size();
    }

    @Override
    public long evictions() {
        return 0;
    }

    @Override
    public long tierErrors() {
        return entries.redis().errors(entries.name());
    }

    @Override
    public void close() {
        loads.invalidateIf(key -> true);
        copies.dropAll();
    }
}
