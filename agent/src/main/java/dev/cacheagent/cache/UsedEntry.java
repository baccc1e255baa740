package dev.cacheagent.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * An entry as the admin API lists the most used ones.
 *
 * @param key the cache key (its text is {@link KeyText#of})
 * @param hits an estimate of the hits served from it: one hit in 16, picked at random, counts as 16
 * @param age how long ago it was stored
 * @param sinceLastHit how long ago the latest of those sampled hits was served, or {@code null} when
 *     none was sampled yet
 */
public record UsedEntry(Object key, int hits, Duration age, Duration sinceLastHit) {

    /** The {@code top} entries of {@code entries} served most often, most hits first, as of {@code now}. */
    static List<UsedEntry> mostUsed(Map<?, CacheEntry> entries, int top, long now) {
        Comparator<UsedEntry> byHits = Comparator.comparingInt(UsedEntry::hits);
        PriorityQueue<UsedEntry> kept = new PriorityQueue<>(byHits);
        for (Map.Entry<?, CacheEntry> entry : entries.entrySet()) {
            CacheEntry value = entry.getValue();
            kept.add(new UsedEntry(entry.getKey(), value.hits(), Duration.ofNanos(value.ageNanos(now)),
                    value.hits() == 0 ? null : Duration.ofNanos(Math.max(0, now - value.lastHitAt()))));
            if (kept.size() > top) {
                kept.poll();
            }
        }
        List<UsedEntry> used = new ArrayList<>(kept);
        used.sort(byHits.reversed());
        return used;
    }
}
