package dev.cacheagent.runtime;

import dev.cacheagent.cache.CacheEntry;
import dev.cacheagent.cache.CompositeKey;
import dev.cacheagent.cache.CacheTier;

/**
 * One {@code put} entry of a rule, resolved for one method: after a normal return, stores a value
 * under a key, overtaking the loads of that key in progress.
 */
final class Put {
    private final CacheTier cache;
    private final BoundExpression key;
    private final BoundExpression value;

    Put(CacheTier cache, BoundExpression key, BoundExpression value) {
        this.cache = cache;
        this.key = key;
        this.value = value;
    }

    /**
     * Stores for one call. A {@code null} value evicts the key instead: the entry held before the call
     * is stale either way, and nulls are cached only by a rule that asks for it. A value expression that
     * throws evicts the key too; a key expression that throws stores nothing. Both are reported.
     */
    void run(Object receiver, Object[] args, Object result, long nanos, RuleLog log, RuleErrors errors) {
        Object k;
        try {
            k = CompositeKey.of(key.evaluate(receiver, args, result));
        } catch (Throwable e) {
            errors.expressionFailed(key, e, "nothing was stored");
            return;
        }
        if (k == null) {
            return;
        }
        Object v;
        try {
            v = value.evaluate(receiver, args, result);
        } catch (Throwable e) {
            // The entry under this key is now out of date, and there is nothing to replace it with.
            errors.expressionFailed(value, e, "the key was evicted instead");
            cache.invalidate(k);
            return;
        }
        if (v == null) {
            cache.invalidate(k);
        } else {
            cache.store(k, v, CacheEntry.Source.PUT);
        }
        if (log != null) {
            log.put(nanos, cache.cacheName(), k, receiver, args, result);
        }
    }
}
