package dev.cacheagent.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A rule's {@code log:} section.
 *
 * @param channel defaults to the rule's name
 * @param events the per-call event names to write (e.g. {@code hit}, {@code miss}); every per-call
 *     event when the rule file does not list them
 * @param sample share of calls logged, 0 to 1 (errors are always logged)
 * @param slowerThan log only calls at least this slow (errors always)
 * @param fields extra fields, name to expression, in file order
 */
public record LogSpec(String channel, Set<String> events, double sample, Duration slowerThan,
        Map<String, ExpressionText> fields, boolean breakdown) {
    public LogSpec {
        events = Set.copyOf(events);
    }
}
