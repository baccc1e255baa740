package dev.cacheagent.runtime;

/**
 * The events a rule writes about its calls (SPEC §6), as {@code log.events} names them: per call, and
 * for the loads it runs in the background (warm-ups and refreshes).
 */
enum CallEvent {
    HIT("hit"), MISS("miss"), SKIP("skip"), FETCH_ERROR("fetch_error"), STALE_SERVED("stale_served"),
    SHADOW_HIT("shadow_hit"), EVICT("evict"), PUT("put"), CALL("call"), WARMUP_POPULATE("warmup_populate"),
    WARMUP_ERROR("warmup_error"), REFRESH("refresh"), REFRESH_ERROR("refresh_error");

    private final String label;

    CallEvent(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /**
     * Errors are written whatever the rule's sample and slowerThan say; so is a stale value served in
     * place of one, which says the origin is failing.
     */
    boolean isError() {
        return this == FETCH_ERROR || this == STALE_SERVED || this == WARMUP_ERROR || this == REFRESH_ERROR;
    }
}
