package dev.cacheagent.cache;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Random;

/**
 * How long entries of one cache live: each one expires {@code ttl} after it was stored, moved by a
 * random share of up to {@code jitter} of the ttl either way so that entries stored together do not all
 * expire together.
 *
 * <p>It is also the one place that decides how long the underlying Caffeine cache keeps an entry
 * ({@link #retainUntil}): today exactly until it expires; serving stale values later will keep entries
 * longer than they are fresh.
 */
final class EntryLifetime implements Expiry<Object, CacheEntry> {
    private final long ttlNanos;
    private final long spreadNanos;
    private final Random random;

    EntryLifetime(Duration ttl, double jitter, Random random) {
        this.ttlNanos = ttl.toNanos();
        this.spreadNanos = (long) (ttlNanos * jitter);
        this.random = random;
    }

    CacheEntry newEntry(Object value, CacheEntry.Source source, long now) {
        long lifetime = ttlNanos;
        if (spreadNanos > 0) {
            lifetime += (long) ((random.nextDouble() * 2 - 1) * spreadNanos);
        }
        return new CacheEntry(value, now, now + lifetime, source);
    }

    /** The instant until which Caffeine keeps the entry. */
    long retainUntil(CacheEntry entry) {
        return entry.expiresAt();
    }

    @Override
    public long expireAfterCreate(Object key, CacheEntry entry, long currentTime) {
        return Math.max(0, retainUntil(entry) - currentTime);
    }

    @Override
    public long expireAfterUpdate(Object key, CacheEntry entry, long currentTime, long currentDuration) {
        return expireAfterCreate(key, entry, currentTime);
    }

    @Override
    public long expireAfterRead(Object key, CacheEntry entry, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
