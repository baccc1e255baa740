package dev.cacheagent.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.observe.CacheGauge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;

/**
 * The local tier: a Caffeine cache bounded by {@code maxEntries}, each entry expiring {@code ttl}
 * (± {@code jitter}) after it was stored, plus the loads of its keys in progress (single flight, no
 * stale write-back). Thread-safe; lookups take no lock.
 */
public final class LocalCache implements CacheGauge {
    private final CacheSpec spec;
    private final String name;
    private final Clock clock;
    private final EntryLifetime lifetime;
    private final InFlightLoads loads = new InFlightLoads();
    private final LongAdder sizeEvictions = new LongAdder();
    private final LongAdder expiryEvictions = new LongAdder();
    private final Cache<Object, CacheEntry> entries;

    LocalCache(CacheSpec spec, Clock clock, Random random) {
        this.spec = spec;
        this.name = spec.name();
        this.clock = clock;
        this.lifetime = new EntryLifetime(spec.ttl(), spec.jitter(), random);
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

    /** The settings this cache was built with. */
    public CacheSpec spec() {
        return spec;
    }

    /**
     * The fresh entry for {@code key}, or {@code null}. Takes no lock and reads the clock only as
     * Caffeine does: it drops entries when they expire (see {@link EntryLifetime}).
     */
    public CacheEntry get(Object key) {
        return entries.getIfPresent(key);
    }

    /**
     * Starts, joins or refuses to join the load of a key that missed; see {@link Load}. A leader must
     * always end its flight.
     */
    public Load beginLoad(Object key) {
        return loads.begin(key, this);
    }

    /** Called by a succeeding flight, under its lock. */
    CacheEntry storeLoaded(Object key, Object value) {
        CacheEntry entry = lifetime.newEntry(value, CacheEntry.Source.ORIGIN, clock.nanoTime());
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
    public CacheEntry store(Object key, Object value, CacheEntry.Source source) {
        loads.invalidate(key);
        CacheEntry entry = lifetime.newEntry(value, source, clock.nanoTime());
        entries.put(key, entry);
        return entry;
    }

    /** Evicts one key; a load of it in progress will not store its value. */
    public void invalidate(Object key) {
        loads.invalidate(key);
        entries.invalidate(key);
    }

    /**
     * Evicts every key whose {@linkplain KeyText text} matches {@code glob} ({@code *} any run of
     * characters, {@code ?} one); loads of such keys in progress will not store their values.
     */
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
    public List<UsedEntry> mostUsed(int top) {
        long now = clock.nanoTime();
        Comparator<UsedEntry> byHits = Comparator.comparingInt(UsedEntry::hits);
        PriorityQueue<UsedEntry> kept = new PriorityQueue<>(byHits);
        for (Map.Entry<Object, CacheEntry> entry : entries.asMap().entrySet()) {
            CacheEntry value = entry.getValue();
            long lastHit = value.lastHitAt();
            kept.add(new UsedEntry(entry.getKey(), value.hits(), Duration.ofNanos(value.ageNanos(now)),
                    value.hits() == 0 ? null : Duration.ofNanos(Math.max(0, now - lastHit))));
            if (kept.size() > top) {
                kept.poll();
            }
        }
        List<UsedEntry> used = new ArrayList<>(kept);
        used.sort(byHits.reversed());
        return used;
    }

    /** Evicts everything; no load in progress will store its value. */
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
    void close() {
        invalidateAll();
        entries.cleanUp();
    }
}
