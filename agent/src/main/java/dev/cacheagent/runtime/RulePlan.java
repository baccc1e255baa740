package dev.cacheagent.runtime;

import java.util.List;

/**
 * What one rule does on one method besides caching: its evictions (before and after the call), its
 * puts and its events.
 *
 * @param log {@code null} when the rule has no {@code log} section
 */
record RulePlan(RuleState state, RuleLog log, List<Eviction> evictBefore, List<Eviction> evictAfter, List<Put> puts) {

    RulePlan {
        evictBefore = List.copyOf(evictBefore);
        evictAfter = List.copyOf(evictAfter);
        puts = List.copyOf(puts);
    }

    String name() {
        return state.name();
    }

    boolean enabled() {
        return state.enabled();
    }

    boolean breakdown() {
        return log != null && log.breakdown();
    }
}
