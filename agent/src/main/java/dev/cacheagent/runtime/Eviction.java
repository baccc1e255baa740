package dev.cacheagent.runtime;

import dev.cacheagent.cache.CompositeKey;
import dev.cacheagent.cache.CacheTier;

/**
 * One {@code evict} entry of a rule, resolved for one method. Evicting also keeps the loads of the
 * evicted keys in progress from storing what they read before the eviction.
 */
final class Eviction {

    /** What is evicted. */
    sealed interface Target {
        record Key(BoundExpression key) implements Target {}

        record Pattern(BoundExpression pattern) implements Target {}

        record All() implements Target {}
    }

    private final CacheTier cache;
    private final Target target;

    Eviction(CacheTier cache, Target target) {
        this.cache = cache;
        this.target = target;
    }

    /**
     * Evicts for one call. An expression that throws evicts nothing and is reported.
     *
     * @param result {@code #result}, for evictions after the call
     * @param log the rule's events, or {@code null}
     */
    void run(Object receiver, Object[] args, Object result, long nanos, RuleLog log, RuleErrors errors) {
        if (target instanceof Target.Key byKey) {
            Object key;
            try {
                key = CompositeKey.of(byKey.key().evaluate(receiver, args, result));
            } catch (Throwable e) {
                errors.expressionFailed(byKey.key(), e, "nothing was evicted");
                return;
            }
            if (key != null) {
                cache.invalidate(key);
                if (log != null) {
                    log.evict(nanos, cache.cacheName(), key, null, receiver, args, result);
                }
            }
        } else if (target instanceof Target.Pattern byPattern) {
            Object glob;
            try {
                glob = byPattern.pattern().evaluate(receiver, args, result);
            } catch (Throwable e) {
                errors.expressionFailed(byPattern.pattern(), e, "nothing was evicted");
                return;
            }
            if (glob != null) {
                cache.invalidateMatching(glob.toString());
                if (log != null) {
                    log.evict(nanos, cache.cacheName(), null, glob.toString(), receiver, args, result);
                }
            }
        } else {
            cache.invalidateAll();
            if (log != null) {
                log.evict(nanos, cache.cacheName(), null, null, receiver, args, result);
            }
        }
    }
}
