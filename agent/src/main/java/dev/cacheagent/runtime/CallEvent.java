package dev.cacheagent.runtime;

/** The per-call events of a rule (SPEC §6), as {@code log.events} names them. */
enum CallEvent {
    HIT("hit"), MISS("miss"), SKIP("skip"), FETCH_ERROR("fetch_error"), SHADOW_HIT("shadow_hit"), EVICT("evict"),
    PUT("put"), CALL("call");

    private final String label;

    CallEvent(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Errors are written whatever the rule's sample and slowerThan say. */
    boolean isError() {
        return this == FETCH_ERROR;
    }
}
