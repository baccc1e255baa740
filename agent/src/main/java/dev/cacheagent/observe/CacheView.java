package dev.cacheagent.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cache as the stats and metrics see it: what its tier reports about itself and the metrics of
 * the rules that use it.
 */
public record CacheView(CacheGauge gauge, List<RuleMetrics> rules) {

    public CacheView {
        Objects.requireNonNull(gauge, "gauge");
        rules = List.copyOf(rules);
    }

    /**
     * One view per gauge, in the gauges' order, each with the rules whose {@link RuleMetrics#cache()}
     * names it. Rules without a cache (timing only) belong to no view.
     */
    public static List<CacheView> group(List<? extends CacheGauge> gauges, List<RuleMetrics> rules) {
        List<CacheView> views = new ArrayList<>(gauges.size());
        for (CacheGauge gauge : gauges) {
            List<RuleMetrics> using = rules.stream().filter(r -> gauge.cacheName().equals(r.cache())).toList();
            views.add(new CacheView(gauge, using));
        }
        return views;
    }

    public String cache() {
        return gauge.cacheName();
    }

    /** The cache's figures now: the rules' counters summed, their latencies merged. */
    public CacheFigures figures() {
        List<RuleMetrics.Reading> readings = rules.stream().map(RuleMetrics::read).toList();
        LatencyDistribution hits = LatencyDistribution.merge(readings.stream().map(RuleMetrics.Reading::hits).toList());
        LatencyDistribution misses =
                LatencyDistribution.merge(readings.stream().map(RuleMetrics.Reading::misses).toList());
        long hitCount = 0;
        long missCount = 0;
        long loads = 0;
        long loadErrors = 0;
        double savedMs = 0;
        double savedCost = 0;
        for (RuleMetrics.Reading reading : readings) {
            RuleSnapshot rule = reading.snapshot();
            hitCount += rule.hits();
            missCount += rule.misses();
            loads += rule.loads();
            loadErrors += rule.loadErrors();
            savedMs += rule.savedMs();
            savedCost += rule.savedCost();
        }
        return new CacheFigures(cache(), hitCount, missCount, loads, loadErrors, gauge.evictions(), gauge.size(),
                hits.percentileMs(50), hits.percentileMs(95), hits.percentileMs(99),
                misses.percentileMs(50), misses.percentileMs(95), misses.percentileMs(99), savedMs, savedCost);
    }
}
