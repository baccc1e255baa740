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
        Map<String, CacheTier> built = new LinkedHashMap<>();
        for (CacheSpec spec : specs) {
            if (spec.tier() == CacheSpec.Tier.LOCAL) {
                built.put(spec.name(), new LocalCache(spec, clock, random));
            } else if (shared != null) {
                built.put(spec.name(), shared.build(spec));
            }
        }
        this.caches = Collections.unmodifiableMap(built);
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

    /** Drops every entry of every cache. */
    @Override
    public void close() {
        caches.values().forEach(CacheTier::close);
        if (shared != null) {
            shared.close();
        }
    }
}
