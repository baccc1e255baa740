package dev.cacheagent.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local copies of a two-level cache, by key text (the form in which other instances name the keys
 * they changed): at most {@code maxEntries}, each kept at most {@code localTtl} and never past its
 * expiry in Redis.
 *
 * <p>A copy read from Redis is kept only if no invalidation arrived while it was being read: the
 * {@linkplain #generation() generation} counts invalidations.
 */
final class LocalCopies {
    private final long localTtlNanos;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<String, CacheEntry> copies;

    LocalCopies(long maxEntries, Duration localTtl, Clock clock) {
        this.localTtlNanos = localTtl.toNanos();
        this.clock = clock;
        this.copies = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(clock::nanoTime)
                .executor(Runnable::run)
                .expireAfter(new Expiry<String, CacheEntry>() {
                    @Override
                    public long expireAfterCreate(String key, CacheEntry entry, long currentTime) {
                        return Math.max(0, entry.expiresAt() - currentTime);
                    }

                    @Override
                    public long expireAfterUpdate(String key, CacheEntry entry, long currentTime, long duration) {
                        return expireAfterCreate(key, entry, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, CacheEntry entry, long currentTime, long duration) {
                        return duration;
                    }
                })
                .build();
    }

    /** See {@link CacheTier#mostUsed}. */
    List<UsedEntry> mostUsed(int top) {
        return UsedEntry.mostUsed(copies.asMap(), top, clock.nanoTime());
    }

    CacheEntry get(String keyText) {
        return copies.getIfPresent(keyText);
    }

    long generation() {
        return generation.get();
    }

    /** Keeps a copy of {@code entry} unless an invalidation arrived since {@code seenGeneration}. */
    void keep(String keyText, CacheEntry entry, long seenGeneration) {
        long now = clock.nanoTime();
        long expiresAt = Math.min(entry.expiresAt(), now + localTtlNanos);
        copies.put(keyText, entry.localCopyExpiringAt(expiresAt));
        if (generation.get() != seenGeneration) {
            copies.invalidate(keyText);
        }
    }

    void drop(String keyText) {
        generation.incrementAndGet();
        copies.invalidate(keyText);
    }

    void dropMatching(KeyGlob glob) {
        generation.incrementAndGet();
        copies.asMap().keySet().removeIf(glob::matches);
    }

    void dropAll() {
        generation.incrementAndGet();
        copies.invalidateAll();
    }

    long size() {
        return copies.estimatedSize();
    }
}
