package dev.cacheagent.cache;

import dev.cacheagent.cache.redis.ValueCodec;
import dev.cacheagent.cache.redis.ValueType;
import java.util.function.Function;

/**
 * {@code tier: redis}: every lookup is a Redis GET, values expire in Redis with the cache's ttl, and
 * entries are shared by every instance and survive restarts. Loads still have a single flight per key
 * in this JVM; across instances, a load overtaken by an eviction or put never writes back (see
 * {@link RedisEntries}). Redis trouble makes lookups miss and writes drop; the application never waits
 * longer than {@code redis.timeout} per call.
 */
final class RedisTier implements CacheTier {
    private final RedisEntries entries;
    private final InFlightLoads loads;
    private final ValueCodec codec;
    private final Function<ValueType, ValueCodec> codecs;
    private final LoadOwner owner = new LoadOwner() {
        @Override
        public CacheEntry storeLoaded(Object key, Object value, Object snapshot, CacheEntry.Source source) {
            if (snapshot instanceof RedisEntries.Snapshot seen) {
                entries.storeLoaded(KeyText.of(key), value, seen, source, () -> { });
            }
            return entries.newEntry(value, source);
        }

        @Override
        public InFlightLoads loads() {
            return loads;
        }
    };

    /** @param codecs the codec for the values of one method, from their declared type */
    RedisTier(RedisEntries entries, Function<ValueType, ValueCodec> codecs) {
        this(entries, new InFlightLoads(), codecs.apply(ValueType.OBJECT), codecs);
    }

    private RedisTier(RedisEntries entries, InFlightLoads loads, ValueCodec codec,
            Function<ValueType, ValueCodec> codecs) {
        this.entries = entries;
        this.loads = loads;
        this.codec = codec;
        this.codecs = codecs;
    }

    @Override
    public CacheTier forValues(ValueType type) {
        return new RedisTier(entries, loads, codecs.apply(type), codecs);
    }

    @Override
    public String cacheName() {
        return entries.name();
    }

    @Override
    public CacheEntry get(Object key) {
        return entries.read(KeyText.of(key), codec);
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
        loads.invalidate(key);
        entries.put(KeyText.of(key), value, source, codec);
        return entries.newEntry(value, source);
    }

    @Override
    public void invalidate(Object key) {
        loads.invalidate(key);
        entries.evict(KeyText.of(key));
    }

    @Override
    public void invalidateMatching(String glob) {
        KeyGlob keys = KeyGlob.compile(glob);
        loads.invalidateIf(keys::matches);
        entries.evictMatching(glob);
    }

    @Override
    public void invalidateAll() {
        loads.invalidateIf(key -> true);
        entries.evictAll();
    }

    /** Entries live in Redis, shared with other instances: this JVM holds none. */
    @Override
    public long size() {
        return 0;
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
    }
}
