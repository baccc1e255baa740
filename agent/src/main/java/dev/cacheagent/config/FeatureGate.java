package dev.cacheagent.config;

/**
 * Features the rule file describes but this version of the agent cannot carry out yet. They are
 * read and checked in full, then rejected here, so that a file written for a later version fails
 * with a clear message instead of silently doing less than it says.
 *
 * <p>When a feature lands, delete its constant: the compiler then points at the one line that
 * rejects it.
 */
final class FeatureGate {
    private static final String LATER = "warmup/refresh/stale/reload/admin";

    /** A feature not available yet, as the user wrote it, and the work it arrives with. */
    enum Feature {
        WARMUP("'warmup'", LATER),
        REFRESH_AHEAD("'refreshAhead'", LATER),
        STALE_IF_ERROR("'staleIfError'", LATER);

        private final String label;
        private final String arrivesWith;

        Feature(String label, String arrivesWith) {
            this.label = label;
            this.arrivesWith = arrivesWith;
        }
    }

    private final Problems problems;

    FeatureGate(Problems problems) {
        this.problems = problems;
    }

    void reject(Feature feature, Position position, String where) {
        problems.add(position, where, feature.label + " is not available in this version of cache-agent",
                "remove it; it arrives with " + feature.arrivesWith);
    }
}
