package dev.cacheagent.config;

import java.util.List;

/**
 * One entry of {@code rules:}. At least one of {@code cache}, {@code evict}, {@code put} and
 * {@code log} is present.
 *
 * @param cache {@code null} when the rule does not cache
 * @param costPerCall money one origin call costs, or {@code null}
 * @param log {@code null} when the rule writes no per-call events
 */
public record Rule(String name, boolean enabled, Mode mode, Match match, CacheAction cache, List<EvictAction> evict,
        List<PutAction> put, Double costPerCall, LogSpec log, Position position) {

    public Rule {
        evict = List.copyOf(evict);
        put = List.copyOf(put);
    }

    /** {@code serve} answers from the cache; {@code shadow} looks up and reports but always calls the method. */
    public enum Mode { SERVE, SHADOW }
}
