package dev.cacheagent.cache;

import java.time.Duration;

/**
 * An entry as the admin API lists the most used ones.
 *
 * @param key the cache key (its text is {@link KeyText#of})
 * @param hits hits served from it (approximate under concurrency)
 * @param age how long ago it was stored
 * @param sinceLastHit how long ago a recent hit was served (hits are dated one in 16), or {@code null}
 *     when it has not been hit
 */
public record UsedEntry(Object key, int hits, Duration age, Duration sinceLastHit) {}
