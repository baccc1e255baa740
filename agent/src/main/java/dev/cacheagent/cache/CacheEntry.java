package dev.cacheagent.cache;

import dev.cacheagent.bootstrap.Hit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A value held by a cache, with when it was stored, when it stops being fresh and how it got there.
 * It is a {@link Hit}, so the runtime can hand the stored entry itself back to instrumented code:
 * a hit allocates nothing.
 *
 * <p>Times are {@link Clock} nanoseconds. An entry is fresh until {@link #expiresAt()}; from
 * {@link #refreshAt()} on, a hit on it is due to reload it in the background ({@code refreshAhead});
 * after its expiry it may still be served, until {@link #staleUntil()}, when the origin fails
 * ({@code staleIfError}). {@link EntryLifetime} sets all three when the entry is made.
 */
public final class CacheEntry extends Hit {

    /** How an entry was filled; written as the {@code source} field of events. */
    public enum Source {
        ORIGIN, WARMUP, REFRESH, PUT;

        private final String label = name().toLowerCase(Locale.ROOT);

        /** The name events use: {@code origin}, {@code warmup}, {@code refresh}, {@code put}. */
        public String label() {
            return label;
        }
    }

    private static final AtomicIntegerFieldUpdater<CacheEntry> REFRESH_CLAIM =
            AtomicIntegerFieldUpdater.newUpdater(CacheEntry.class, "refreshClaimed");

    private final long createdAt;
    private final long expiresAt;
    private final long refreshAt;
    private final long staleUntil;
    private final Source source;
    /**
     * Estimates, written by sampled hits only (see {@link #recordSampledHit}) and without
     * synchronization: a write to the shared entry on every hit would cost each hit a contended cache
     * line when threads hit one entry. They rank entries, they do not bill.
     */
    private int hits;
    private long lastHitAt;
    private final boolean fromRedis;
    /** 1 once a hit has claimed this entry's one background refresh. */
    private volatile int refreshClaimed;

    /** An entry of this JVM that is never refreshed ahead nor served stale. */
    CacheEntry(Object value, long createdAt, long expiresAt, Source source) {
        this(value, createdAt, expiresAt, source, false);
    }

    /**
     * An entry that is never refreshed ahead nor served stale.
     *
     * @param fromRedis whether this entry was read from Redis (rather than found in this JVM)
     */
    CacheEntry(Object value, long createdAt, long expiresAt, Source source, boolean fromRedis) {
        this(value, createdAt, expiresAt, expiresAt, expiresAt, source, fromRedis);
    }

    /**
     * @param refreshAt when a hit starts to reload it; {@code expiresAt} (never while fresh) without refreshAhead
     * @param staleUntil how long it may be served when the origin fails; {@code expiresAt} without staleIfError
     * @param fromRedis whether this entry was read from Redis (rather than found in this JVM)
     */
    CacheEntry(Object value, long createdAt, long expiresAt, long refreshAt, long staleUntil, Source source,
            boolean fromRedis) {
        super(value);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.refreshAt = refreshAt;
        this.staleUntil = staleUntil;
        this.source = source;
        this.fromRedis = fromRedis;
    }

    public long createdAt() {
        return createdAt;
    }

    /** The first instant at which the entry is no longer fresh. */
    public long expiresAt() {
        return expiresAt;
    }

    /** The first instant at which a hit reloads the entry in the background (see {@link #isRefreshDueAt}). */
    public long refreshAt() {
        return refreshAt;
    }

    /** The first instant at which the entry may no longer be served, not even when the origin fails. */
    public long staleUntil() {
        return staleUntil;
    }

    public Source source() {
        return source;
    }

    /**
     * Counts a hit picked at random, one in {@code weight}, as {@code weight} hits, and dates it: the
     * counts that result are estimates, unbiased but coarse (an entry hit a few times may show none).
     *
     * @param now when the hit was served ({@link Clock} nanoseconds)
     */
    public void recordSampledHit(int weight, long now) {
        hits += weight;
        lastHitAt = now;
    }

    /** Estimated hits served from this entry so far (see {@link #recordSampledHit}). */
    public int hits() {
        return hits;
    }

    /** When the latest sampled hit was served (see {@link #recordSampledHit}), or 0 before the first. */
    public long lastHitAt() {
        return lastHitAt;
    }

    /** Where the entry was found, as the {@code tier} field of events says it: {@code local} or {@code redis}. */
    public String tier() {
        return fromRedis ? "redis" : "local";
    }

    /** How long ago, at {@code now}, the entry was stored. */
    public long ageNanos(long now) {
        return now - createdAt;
    }

    /**
     * A copy of this entry kept in this JVM that expires earlier (a local copy of a shared entry): it is
     * found locally, never served stale, and due for a refresh when the entry is.
     */
    CacheEntry localCopyExpiringAt(long copyExpiresAt) {
        return new CacheEntry(value(), createdAt, copyExpiresAt, Math.min(refreshAt, copyExpiresAt), copyExpiresAt,
                source, false);
    }

    /** Whether the entry is fresh at {@code now}: a hit may serve it. */
    public boolean isFreshAt(long now) {
        return now - expiresAt < 0;
    }

    /** Whether, at {@code now}, a hit on this (fresh) entry should reload it in the background. */
    public boolean isRefreshDueAt(long now) {
        return now - refreshAt >= 0;
    }

    /**
     * Whether the entry may be served at {@code now} in place of an origin that failed: it is fresh,
     * or expired less than {@code staleIfError} ago.
     */
    public boolean isServableOnErrorAt(long now) {
        return now - staleUntil < 0;
    }

    /**
     * Claims this entry's one background refresh: {@code true} for the first caller only, so that of
     * all the hits that find the entry due, one reloads it. A refresh that fails is not retried on this
     * entry: it keeps being served until it expires.
     */
    public boolean claimRefresh() {
        return refreshClaimed == 0 && REFRESH_CLAIM.compareAndSet(this, 0, 1);
    }
}
