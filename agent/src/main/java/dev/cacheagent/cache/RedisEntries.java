package dev.cacheagent.cache;

import dev.cacheagent.cache.redis.CodecException;
import dev.cacheagent.cache.redis.Decoded;
import dev.cacheagent.cache.redis.RedisConnection;
import dev.cacheagent.cache.redis.RedisUnavailable;
import dev.cacheagent.cache.redis.ValueCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/**
 * The entries of one cache in Redis, at {@code <keyPrefix><cache>:<key text>} (SPEC §4), and the
 * bookkeeping that keeps a load from writing back a value that an eviction or put on any instance
 * overtook:
 *
 * <ul>
 *   <li>An eviction of a key does not delete it but writes a <em>tombstone</em>, a marker unique to that
 *       eviction, for the cache's ttl. A load remembers what the key held when it began (nothing or a
 *       tombstone) and stores its value with a compare-and-set on exactly that: after any eviction or put
 *       of the key the comparison fails. It touches one key, so it works on a Redis Cluster too.
 *   <li>Pattern and whole-cache evictions bump the cache's <em>epoch</em> before they delete. A load
 *       remembers the epoch when it began; after storing it reads the epoch again and deletes its own
 *       value if it changed.
 * </ul>
 */
final class RedisEntries {
    private static final byte[] TOMBSTONE = "\0cache-agent:evicted:".getBytes(StandardCharsets.UTF_8);
    private static final CacheEntry.Source[] SOURCES = CacheEntry.Source.values();

    /** What a load saw when it began: the key's value ({@code null}: absent) and the cache's epoch. */
    record Snapshot(byte[] seen, byte[] epoch, ValueCodec codec) {}

    /**
     * What a lookup that missed saw, for the load of the same key that follows it on the same thread: the
     * key's value, and the epoch if it was read in the same round trip ({@code epochRead}).
     */
    private record Missed(String keyText, byte[] seen, boolean epochRead, byte[] epoch, ValueCodec codec) {}

    private final String name;
    private final RedisConnection redis;
    private final String keyPrefix;
    private final byte[] epochKey;
    private final EntryLifetime lifetime;
    private final long ttlMillis;
    private final long keptMillis;
    private final Clock clock;
    private final LongSupplier wallClock;
    private final Executor writer;
    /**
     * What this thread's last lookup saw of a key it missed, with the epoch read in the same round trip
     * (not on a Cluster, where the epoch key may live on another node), so that the load after a miss
     * makes no further Redis call before the origin runs: a call waits for Redis at most about one
     * {@code timeout} even when Redis is slow without failing. On a Cluster the load reads the epoch alone.
     */
    private final ThreadLocal<Missed> missed = new ThreadLocal<>();

    /**
     * @param lifetime the cache's ttl, refreshAhead and staleIfError: values are kept in Redis for the ttl
     *     and then the staleIfError
     */
    RedisEntries(String name, RedisConnection redis, EntryLifetime lifetime, Clock clock, LongSupplier wallClock,
            Executor writer) {
        this.name = name;
        this.redis = redis;
        this.keyPrefix = redis.keyPrefix() + name + ":";
        this.epochKey = (redis.keyPrefix() + "cache-agent:epoch:" + name).getBytes(StandardCharsets.UTF_8);
        this.lifetime = lifetime;
        this.ttlMillis = lifetime.ttlMillis();
        this.keptMillis = lifetime.keptMillis();
        this.clock = clock;
        this.wallClock = wallClock;
        this.writer = writer;
    }

    String name() {
        return name;
    }

    RedisConnection redis() {
        return redis;
    }

    /** The entry this JVM hands its callers for a value it just stored. */
    CacheEntry newEntry(Object value, CacheEntry.Source source) {
        return lifetime.newEntry(value, source, clock.nanoTime());
    }

    private byte[] key(String keyText) {
        return (keyPrefix + keyText).getBytes(StandardCharsets.UTF_8);
    }

    /** The entry in Redis, or {@code null}: absent, evicted, unreadable, or Redis unavailable. */
    CacheEntry read(String keyText, ValueCodec codec) {
        missed.remove();
        RedisConnection.Stored stored;
        try {
            stored = redis.read(name, key(keyText), epochKey, ValueCodec.MAX_VALUE_BYTES);
        } catch (RedisUnavailable e) {
            return null;
        }
        if (stored.absent() || isTombstone(stored.value())) {
            missed.set(new Missed(keyText, stored.value(), stored.companionRead(), stored.companion(), codec));
            return null;
        }
        if (stored.oversized()) {
            redis.reportValueError(name, "the value in Redis is " + stored.size() + " bytes, over the limit of "
                    + ValueCodec.MAX_VALUE_BYTES + ": it counts as a miss", null);
            return null;
        }
        Decoded decoded;
        try {
            decoded = codec.decode(stored.value(), stored.ttlMillis(), keptMillis, wallClock.getAsLong());
        } catch (CodecException e) {
            redis.reportValueError(name, "a value in Redis could not be decoded (" + e.getMessage()
                    + "): it counts as a miss", e);
            return null;
        }
        long now = clock.nanoTime();
        long left = stored.ttlMillis() < 0 ? keptMillis : stored.ttlMillis();
        return lifetime.readBack(decoded.value(), now - decoded.ageMillis() * 1_000_000L, now + left * 1_000_000L,
                source(decoded.source()));
    }

    /** The source a label read back names; {@code origin} for one this version does not know. */
    private static CacheEntry.Source source(String label) {
        for (CacheEntry.Source source : SOURCES) {
            if (source.label().equals(label)) {
                return source;
            }
        }
        return CacheEntry.Source.ORIGIN;
    }

    /**
     * What a load must remember when it begins; {@code null} when Redis cannot tell (nothing will be stored).
     * After a lookup of the same key on this thread that missed, what that lookup saw: taken a moment
     * earlier, it can only make the store fail where a later snapshot would have let it through (a value
     * not shared, never a stale one).
     */
    Snapshot snapshot(String keyText, ValueCodec codec) {
        Missed last = missed.get();
        missed.remove();
        try {
            if (last != null && last.keyText().equals(keyText) && last.codec() == codec) {
                return new Snapshot(last.seen(), last.epochRead() ? last.epoch() : redis.get(name, epochKey), codec);
            }
            byte[] seen = redis.get(name, key(keyText));
            byte[] epoch = redis.get(name, epochKey);
            return new Snapshot(seen, epoch, codec);
        } catch (RedisUnavailable e) {
            return null;
        }
    }

    /**
     * Stores a loaded value in the background unless an eviction or put overtook the load.
     *
     * @param stored runs after the value was stored
     */
    void storeLoaded(String keyText, Object value, Snapshot snapshot, CacheEntry.Source source, Runnable stored) {
        byte[] encoded = encode(snapshot.codec(), value, source);
        if (encoded == null) {
            return;
        }
        submit(() -> {
            byte[] key = key(keyText);
            try {
                if (!redis.compareAndSet(name, key, snapshot.seen(), encoded, keptMillis)) {
                    return;
                }
                if (!Arrays.equals(snapshot.epoch(), redis.get(name, epochKey))) {
                    // A pattern or whole-cache eviction ran since the load began: it may have missed this key.
                    redis.compareAndDelete(name, key, encoded);
                    return;
                }
                stored.run();
            } catch (RedisUnavailable e) {
                // Reported by the connection; the value is simply not shared.
            }
        });
    }

    /** Writes a value now (a put): it overtakes every load of the key. @return whether it was written */
    boolean put(String keyText, Object value, CacheEntry.Source source, ValueCodec codec) {
        byte[] encoded = encode(codec, value, source);
        if (encoded == null) {
            evict(keyText);
            return false;
        }
        try {
            redis.set(name, key(keyText), encoded, keptMillis);
            return true;
        } catch (RedisUnavailable e) {
            return false;
        }
    }

    /** Evicts one key by writing a tombstone that no load begun before it can match. */
    void evict(String keyText) {
        byte[] tombstone = Arrays.copyOf(TOMBSTONE, TOMBSTONE.length + 36);
        byte[] id = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, tombstone, TOMBSTONE.length, id.length);
        try {
            redis.set(name, key(keyText), tombstone, ttlMillis);
        } catch (RedisUnavailable e) {
            // Reported; the entry expires with its ttl.
        }
    }

    /** Evicts every key whose text matches the glob ({@code *}, {@code ?}): epoch first, then SCAN. */
    void evictMatching(String glob) {
        try {
            redis.increment(name, epochKey);
            redis.deleteMatching(name, redisGlob(keyPrefix) + redisPattern(glob));
        } catch (RedisUnavailable e) {
            // Reported; the entries expire with their ttl.
        }
    }

    void evictAll() {
        evictMatching("*");
    }

    private byte[] encode(ValueCodec codec, Object value, CacheEntry.Source source) {
        try {
            return codec.encode(value, source.label(), wallClock.getAsLong());
        } catch (CodecException e) {
            redis.reportValueError(name, "a value could not be written to Redis (" + e.getMessage()
                    + "): it is not shared", e);
            return null;
        }
    }

    private void submit(Runnable write) {
        try {
            writer.execute(write);
        } catch (RejectedExecutionException e) {
            redis.reportValueError(name, "too many writes to Redis are waiting: this one is dropped", e);
        }
    }

    private static boolean isTombstone(byte[] value) {
        return value != null && value.length >= TOMBSTONE.length
                && Arrays.equals(value, 0, TOMBSTONE.length, TOMBSTONE, 0, TOMBSTONE.length);
    }

    /** A literal for a Redis glob: its special characters escaped. */
    static String redisGlob(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A key glob ({@code *} and {@code ?} special, nothing else) as a Redis glob. */
    static String redisPattern(String glob) {
        StringBuilder out = new StringBuilder(glob.length());
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                out.append(c);
            } else {
                out.append(redisGlob(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
