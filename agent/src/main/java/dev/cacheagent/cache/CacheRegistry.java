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
 * <p>Caches of tier {@code redis} and {@code two-level} are built only when Redis is configured
 * ({@code shared} is given); without it {@link #find} answers {@code null} for them.
 */
public final class CacheRegistry implements AutoCloseable {
    private final Map<String, CacheTier> caches;
    /** The settings each cache was built with, to tell which ones a reload may keep. */
    private final Map<String, CacheSpec> specs;
    private final SharedTiers shared;

    /**
     * Local caches only.
     *
     * @param random spreads expiries by each cache's jitter; a seeded one makes tests repeatable
     */
    public CacheRegistry(Collection<CacheSpec> specs, Clock clock, Random random) {
        this(specs, clock, random, null);
    }

    /**
     * @param random spreads expiries by each cache's jitter; a seeded one makes tests repeatable
     * @param shared Redis for the shared tiers, or {@code null}; closed with this registry
     */
    public CacheRegistry(Collection<CacheSpec> specs, Clock clock, Random random, SharedTiers shared) {
        this(specs, clock, random, shared, null);
    }

    /**
     * The caches of a reloaded rule file: a cache whose settings did not change is the previous one,
     * entries included; any other cache starts empty.
     *
     * @param previous the registry of the rule file that was running, or {@code null}
     */
    public CacheRegistry(Collection<CacheSpec> specs, Clock clock, Random random, SharedTiers shared,
            CacheRegistry previous) {
        Map<String, CacheTier> built = new LinkedHashMap<>();
        Map<String, CacheSpec> settings = new LinkedHashMap<>();
        for (CacheSpec spec : specs) {
            CacheTier kept = previous == null || !spec.sameSettings(previous.specs.get(spec.name())) ? null
                    : previous.caches.get(spec.name());
            if (kept != null) {
                built.put(spec.name(), kept);
            } else if (spec.tier() == CacheSpec.Tier.LOCAL) {
                built.put(spec.name(), new LocalCache(spec, clock, random));
            } else if (shared != null) {
                built.put(spec.name(), shared.build(spec));
            }
            settings.put(spec.name(), spec);
        }
        this.caches = Collections.unmodifiableMap(built);
        this.specs = Collections.unmodifiableMap(settings);
        this.shared = shared;
    }

    /** The cache of that name, or {@code null} when there is none (or its tier is not built). */
    public CacheTier find(String name) {
        return caches.get(name);
    }

    /** What each cache reports for the {@code stats} events and metrics, in file order. */
    public List<CacheGauge> gauges() {
        return List.copyOf(caches.values());
    }

    /** Whether {@code cache} is one of this registry's caches (the very object, kept by a reload). */
    public boolean holds(CacheTier cache) {
        return caches.get(cache.cacheName()) == cache;
    }

    /**
     * Drops what this instance holds of every cache that {@code successor} did not keep; the Redis
     * connection stays, the successor uses it.
     */
    public void closeReplacedBy(CacheRegistry successor) {
        caches.values().stream().filter(cache -> !successor.holds(cache)).forEach(CacheTier::close);
    }

    /** Drops every entry of every cache. */
    @Override
    public void close() {
        caches.values().forEach(CacheTier::close);
        if (shared != null) {
            shared.close();
        }
    }
}
