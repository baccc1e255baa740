package dev.cacheagent.cache;

import dev.cacheagent.config.CacheSpec;
import dev.cacheagent.observe.CacheGauge;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The caches of one rule file, one per name: rules that name the same cache share it, and so share
 * its keys, which is how one method's eviction reaches the entries another method stored.
 *
 * <p>Only {@link CacheSpec.Tier#LOCAL local} caches are built in this version; the rule-file loader
 * rejects the other tiers, and {@link #find} answers {@code null} for them.
 */
public final class CacheRegistry implements AutoCloseable {
    private final Map<String, LocalCache> caches;

    /**
     * @param random spreads expiries by each cache's jitter; a seeded one makes tests repeatable
     */
    public CacheRegistry(Collection<CacheSpec> specs, Clock clock, Random random) {
        this(specs, clock, random, null);
    }

    /**
     * The caches of a reloaded rule file: a cache whose settings did not change is the previous one,
     * entries included; any other cache starts empty.
     *
     * @param previous the registry of the rule file that was running, or {@code null}
     */
    public CacheRegistry(Collection<CacheSpec> specs, Clock clock, Random random, CacheRegistry previous) {
        Map<String, LocalCache> built = new LinkedHashMap<>();
        for (CacheSpec spec : specs) {
            if (spec.tier() == CacheSpec.Tier.LOCAL) {
                LocalCache kept = previous == null ? null : previous.caches.get(spec.name());
                built.put(spec.name(), kept != null && kept.spec().sameSettings(spec) ? kept
                        : new LocalCache(spec, clock, random));
            }
        }
        this.caches = Collections.unmodifiableMap(built);
    }

    /** The cache of that name, or {@code null} when there is none (or its tier is not built). */
    public LocalCache find(String name) {
        return caches.get(name);
    }

    /** What each cache reports for the {@code stats} events and metrics, in file order. */
    public List<CacheGauge> gauges() {
        return List.copyOf(caches.values());
    }

    /** Whether {@code cache} is one of this registry's caches (the very object, kept by a reload). */
    public boolean holds(LocalCache cache) {
        return caches.get(cache.cacheName()) == cache;
    }

    /** Drops the entries of every cache that {@code successor} did not keep. */
    public void closeReplacedBy(CacheRegistry successor) {
        caches.values().stream().filter(cache -> !successor.holds(cache)).forEach(LocalCache::close);
    }

    /** Drops every entry of every cache. */
    @Override
    public void close() {
        caches.values().forEach(LocalCache::close);
    }
}
