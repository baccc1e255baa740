package dev.cacheagent.runtime;

import dev.cacheagent.cache.CacheTier;

/**
 * The {@code cache} section of the one rule that decides hits and misses for a method, resolved for
 * that method.
 */
final class CachingRule {
    private final CacheTier cache;
    private final BoundExpression key;
    private final BoundExpression condition;
    private final BoundExpression unless;
    private final boolean cacheNulls;
    private final boolean shadow;
    private final ValueCheck values;

    /**
     * @param key {@code null} for the default key (all arguments)
     * @param condition {@code null} when every call may use the cache
     * @param unless {@code null} when every result may be stored
     * @param shadow look up and report, but always call the method
     */
    CachingRule(CacheTier cache, BoundExpression key, BoundExpression condition, BoundExpression unless,
            boolean cacheNulls, boolean shadow, ValueCheck values) {
        this.cache = cache;
        this.key = key;
        this.condition = condition;
        this.unless = unless;
        this.cacheNulls = cacheNulls;
        this.shadow = shadow;
        this.values = values;
    }

    CacheTier cache() {
        return cache;
    }

    /** The key expression, or {@code null} for the default key. */
    BoundExpression key() {
        return key;
    }

    BoundExpression condition() {
        return condition;
    }

    boolean shadow() {
        return shadow;
    }

    /** Whether a cached value is of a type this method can return. */
    boolean accepts(Object value) {
        return values.accepts(value);
    }

    ValueCheck values() {
        return values;
    }

    /**
     * Whether a value the method returned is stored: not {@code null} (unless {@code cacheNulls}), and
     * not refused by {@code unless}. An {@code unless} that throws stores nothing.
     */
    boolean shouldStore(Object value, Object receiver, Object[] args, RuleErrors errors) {
        if (value == null && !cacheNulls) {
            return false;
        }
        if (unless == null) {
            return true;
        }
        try {
            return !unless.test(receiver, args, value);
        } catch (Throwable e) {
            errors.expressionFailed(unless, e, "the result was not cached");
            return false;
        }
    }
}
