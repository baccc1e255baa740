package dev.cacheagent.runtime;

import dev.cacheagent.cache.Clock;
import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import dev.cacheagent.observe.EventRateLimiter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the {@code rule_error} events of problems met while calls run (an expression that throws, a
 * cached value of the wrong type, a fault in the agent itself), at most one a second per source, each
 * with the number of occurrences it stands for. Never throws.
 */
final class RuleErrors {
    private final EventLog events;
    private final EventRateLimiter limiter;
    /** The latest reason reported per rule, for the admin API; written at most once a second per source. */
    private final Map<String, String> latest = new ConcurrentHashMap<>();

    RuleErrors(EventLog events, Clock clock) {
        this.events = events;
        this.limiter = new EventRateLimiter(clock::nanoTime);
    }

    /** An expression threw; {@code consequence} says what the agent did instead, e.g. "nothing was evicted". */
    void expressionFailed(BoundExpression expression, Throwable error, String consequence) {
        report(expression, expression.rule(), expression.method(),
                expression.describe() + " failed, so " + consequence
                        + " — make the expression safe for every call (e.g. a?.b instead of a.b, or a condition)",
                error);
    }

    /** The latest problem reported for this rule, or {@code null}. */
    String latest(String rule) {
        return latest.get(rule);
    }

    /**
     * Anything else: a value of another type in a shared cache, a fault of the agent.
     *
     * @param source what failed, e.g. a call site; reports are limited per source, so it must be one of
     *     a bounded set of objects (never a key or an argument)
     */
    void report(Object source, String rule, String method, String reason, Throwable error) {
        try {
            long count = limiter.admit(source);
            if (count == 0) {
                return;
            }
            Event.Builder event = Event.builder("rule_error").rule(rule).method(method).reason(reason);
            if (error != null) {
                event.error(error);
            }
            Event built = event.attribute("count", count).build();
            events.emit(built);
            if (rule != null) {
                latest.put(rule, built.error() == null ? reason : reason + " (" + built.error() + ")");
            }
        } catch (Throwable ignored) {
            // Reporting a problem must not become one.
        }
    }
}
