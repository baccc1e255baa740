package dev.cacheagent.cache;

import dev.cacheagent.bootstrap.Hit;
import java.util.Locale;

/**
 * A value held by a cache, with when it was stored, when it stops being fresh and how it got there.
 * It is a {@link Hit}, so the runtime can hand the stored entry itself back to instrumented code:
 * a hit allocates nothing.
 *
 * <p>Times are {@link Clock} nanoseconds.
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

    /** One hit in this many (the first included) dates {@link #lastHitAt}: a clock read costs more than the rest. */
    private static final int LAST_HIT_SAMPLE_MASK = 15;

    private final long createdAt;
    private final long expiresAt;
    private final Source source;
    /**
     * Plain fields, written without synchronization: concurrent hits may lose a count, a price worth
     * paying to keep a hit free of contended atomic writes. They rank entries, they do not bill.
     */
    private int hits;
    private long lastHitAt;
    private final boolean fromRedis;

    CacheEntry(Object value, long createdAt, long expiresAt, Source source) {
        this(value, createdAt, expiresAt, source, false);
    }

    /** @param fromRedis whether this entry was read from Redis (rather than found in this JVM) */
    CacheEntry(Object value, long createdAt, long expiresAt, Source source, boolean fromRedis) {
        super(value);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
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

    public Source source() {
        return source;
    }

    /**
     * Counts a hit served from this entry (approximately, see the fields); dates the first hit and one
     * in 16 after it.
     */
    public void recordHit(Clock clock) {
        int count = ++hits;
        if ((count & LAST_HIT_SAMPLE_MASK) == 1) {
            lastHitAt = clock.nanoTime();
        }
    }

    /** Hits served from this entry so far (approximate under concurrency). */
    public int hits() {
        return hits;
    }

    /** When a recent hit was served (the first hit, then one in 16), or 0 before the first. */
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

    /** Whether the entry may still be served at {@code now}. */
    public boolean isFreshAt(long now) {
        return now - expiresAt < 0;
    }
}
