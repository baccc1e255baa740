package dev.cacheagent.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.cacheagent.config.CacheSpec;
import java.time.Duration;
import java.util.Random;

/**
 * How long entries of one cache live, decided in this one place: each one is fresh for {@code ttl}
 * after it was stored, moved by a random share of up to {@code jitter} of the ttl either way so that
 * entries stored together do not all expire together; with {@code refreshAhead}, a hit reloads it once
 * that share of its own lifetime has passed; with {@code staleIfError}, it is kept that much longer
 * after it expired, to be served only when the origin fails.
 *
 * <p>Caffeine drops each entry when it may no longer be served at all. Without {@code staleIfError}
 * that is the instant it expires, so whatever Caffeine returns is fresh and a lookup needs no clock
 * read of its own; with it, lookups tell fresh from stale with {@link CacheEntry#isFreshAt}.
 */
final class EntryLifetime implements Expiry<Object, Object> {
    private final long ttlNanos;
    private final long spreadNanos;
    /** Share of an entry's lifetime after which a hit refreshes it; 0 for never. */
    private final double refreshShare;
    private final long staleNanos;
    private final Random random;

    EntryLifetime(Duration ttl, double jitter, Double refreshAhead, Duration staleIfError, Random random) {
        this.ttlNanos = ttl.toNanos();
        this.spreadNanos = (long) (ttlNanos * jitter);
        this.refreshShare = refreshAhead == null ? 0 : refreshAhead;
        this.staleNanos = staleIfError == null ? 0 : staleIfError.toNanos();
        this.random = random;
    }

    static EntryLifetime of(CacheSpec spec, Random random) {
        return new EntryLifetime(spec.ttl(), spec.jitter(), spec.refreshAhead(), spec.staleIfError(), random);
    }

    /** How long a store keeps each entry: its ttl, then its {@code staleIfError}. */
    long keptMillis() {
        return (ttlNanos + staleNanos) / 1_000_000L;
    }

    /** How long an entry is fresh, without jitter. */
    long ttlMillis() {
        return ttlNanos / 1_000_000L;
    }

    /**
     * An entry read back from a shared store (Redis), which keeps it fresh and then stale until
     * {@code keptUntil}, as {@link #keptMillis()} asked.
     *
     * @param createdAt when it was stored, by this clock
     */
    CacheEntry readBack(Object value, long createdAt, long keptUntil, CacheEntry.Source source) {
        long expiresAt = keptUntil - staleNanos;
        long refreshAt = refreshShare > 0 ? expiresAt - (long) (ttlNanos * (1 - refreshShare)) : expiresAt;
        return new CacheEntry(value, createdAt, expiresAt, refreshAt, keptUntil, source, true);
    }

    /** Whether entries are kept past their expiry (for {@code staleIfError}): a lookup may find a stale one. */
    boolean keepsStale() {
        return staleNanos > 0;
    }

    /**
     * Sets Caffeine's expiry: the same retention for every entry when there is no jitter (the cheapest
     * expiry for Caffeine to check on a read), else each entry's own.
     */
    Caffeine<Object, Object> applyTo(Caffeine<Object, Object> builder) {
        return spreadNanos == 0 ? builder.expireAfterWrite(Duration.ofNanos(ttlNanos + staleNanos))
                : builder.expireAfter(this);
    }

    /**
     * A new entry, stored now. Caffeine dates a fixed-ttl entry by its own reading of the same clock,
     * taken just after this one, so it never drops an entry before {@link CacheEntry#staleUntil()}.
     */
    CacheEntry newEntry(Object value, CacheEntry.Source source, long now) {
        long lifetime = ttlNanos;
        if (spreadNanos > 0) {
            lifetime += (long) ((random.nextDouble() * 2 - 1) * spreadNanos);
        }
        long expiresAt = now + lifetime;
        long refreshAt = refreshShare > 0 ? now + (long) (lifetime * refreshShare) : expiresAt;
        return new CacheEntry(value, now, expiresAt, refreshAt, expiresAt + staleNanos, source, false);
    }

    @Override
    public long expireAfterCreate(Object key, Object entry, long currentTime) {
        return Math.max(0, ((CacheEntry) entry).staleUntil() - currentTime);
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
