package dev.cacheagent.runtime;

import dev.cacheagent.cache.CacheTier;
import dev.cacheagent.cache.CompositeKey;

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
    private final boolean keepsStale;

    /** An expression of the rule threw for a call's arguments. */
    static final class ExpressionFailed extends Exception {
        private final BoundExpression expression;

        ExpressionFailed(BoundExpression expression, Throwable cause) {
            super(expression.describe(), cause, false, false);
            this.expression = expression;
        }

        BoundExpression expression() {
            return expression;
        }
    }

    /**
     * @param key {@code null} for the default key (all arguments)
     * @param condition {@code null} when every call may use the cache
     * @param unless {@code null} when every result may be stored
     * @param shadow look up and report, but always call the method
     * @param keepsStale the cache keeps expired entries ({@code staleIfError}): a lookup may find one
     */
    CachingRule(CacheTier cache, BoundExpression key, BoundExpression condition, BoundExpression unless,
            boolean cacheNulls, boolean shadow, ValueCheck values, boolean keepsStale) {
        this.cache = cache;
        this.key = key;
        this.condition = condition;
        this.unless = unless;
        this.cacheNulls = cacheNulls;
        this.shadow = shadow;
        this.values = values;
        this.keepsStale = keepsStale;
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

    /**
     * Whether the cache keeps entries past their expiry, to serve when the origin fails: a lookup must
     * then check that what it found is fresh.
     */
    boolean keepsStale() {
        return keepsStale;
    }

    /** Whether the rule's condition lets a call with these arguments use the cache. */
    boolean admits(Object receiver, Object[] args) throws ExpressionFailed {
        if (condition == null) {
            return true;
        }
        try {
            return condition.test(receiver, args, null);
        } catch (Throwable e) {
            throw new ExpressionFailed(condition, e);
        }
    }

    /** The key of a call with these arguments; {@code null} when the key expression says so. */
    Object keyOf(Object receiver, Object[] args) throws ExpressionFailed {
        if (key == null) {
            return CompositeKey.ofArguments(args);
        }
        try {
            return CompositeKey.of(key.evaluate(receiver, args, null));
        } catch (Throwable e) {
            throw new ExpressionFailed(key, e);
        }
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
