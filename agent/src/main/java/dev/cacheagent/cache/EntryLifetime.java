package dev.cacheagent.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Random;

/**
 * How long entries of one cache live: each one expires {@code ttl} after it was stored, moved by a
 * random share of up to {@code jitter} of the ttl either way so that entries stored together do not all
 * expire together.
 *
 * <p>This is the one place that decides how long Caffeine keeps an entry. Today it drops each entry at
 * the instant it expires, so whatever Caffeine returns is fresh and a lookup needs no clock read of its
 * own. Serving stale values (a later feature) means keeping entries past their expiry here; lookups
 * will then tell fresh from stale with {@link CacheEntry#isFreshAt}.
 */
final class EntryLifetime implements Expiry<Object, Object> {
    private final long ttlNanos;
    private final long spreadNanos;
    private final Random random;

    EntryLifetime(Duration ttl, double jitter, Random random) {
        this.ttlNanos = ttl.toNanos();
        this.spreadNanos = (long) (ttlNanos * jitter);
        this.random = random;
    }

    /**
     * Sets Caffeine's expiry: the same ttl for every entry when there is no jitter (the cheapest
     * expiry for Caffeine to check on a read), else each entry's own expiry.
     */
    Caffeine<Object, Object> applyTo(Caffeine<Object, Object> builder) {
        return spreadNanos == 0 ? builder.expireAfterWrite(Duration.ofNanos(ttlNanos)) : builder.expireAfter(this);
    }

    /**
     * A new entry, stored now. Caffeine dates a fixed-ttl entry by its own reading of the same clock,
     * taken just after this one, so it never drops an entry before {@link CacheEntry#expiresAt()}.
     */
    CacheEntry newEntry(Object value, CacheEntry.Source source, long now) {
        long lifetime = ttlNanos;
        if (spreadNanos > 0) {
            lifetime += (long) ((random.nextDouble() * 2 - 1) * spreadNanos);
        }
        return new CacheEntry(value, now, now + lifetime, source);
    }

    @Override
    public long expireAfterCreate(Object key, Object entry, long currentTime) {
        return Math.max(0, ((CacheEntry) entry).expiresAt() - currentTime);
    }

    @Override
    public long expireAfterUpdate(Object key, Object entry, long currentTime, long currentDuration) {
        return expireAfterCreate(key, entry, currentTime);
    }

    @Override
    public long expireAfterRead(Object key, Object entry, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
