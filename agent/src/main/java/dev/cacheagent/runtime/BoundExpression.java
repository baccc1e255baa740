package dev.cacheagent.runtime;

import dev.cacheagent.config.ExpressionText;
import dev.cacheagent.expression.Evaluator;
import dev.cacheagent.expression.Expression;
import java.util.List;

/**
 * One expression of a rule, resolved against one method, with what it is for (e.g. {@code cache.key})
 * so that a failure can say which expression of which rule on which method failed.
 */
final class BoundExpression {
    private final String role;
    private final ExpressionText text;
    private final Evaluator evaluator;
    private final String rule;
    private final String method;

    private BoundExpression(String role, ExpressionText text, Evaluator evaluator, String rule, String method) {
        this.role = role;
        this.text = text;
        this.evaluator = evaluator;
        this.rule = rule;
        this.method = method;
    }

    /**
     * Parses and resolves an expression for one method.
     *
     * @throws dev.cacheagent.expression.ExpressionException when it cannot apply to the method
     */
    static BoundExpression resolve(String role, ExpressionText text, List<String> parameterNames, boolean resultAllowed,
            String rule, String method) {
        Evaluator evaluator = Expression.parse(text.source()).resolve(parameterNames, resultAllowed);
        return new BoundExpression(role, text, evaluator, rule, method);
    }

    /** Evaluates it for one call; whatever it throws is the caller's to handle. */
    Object evaluate(Object receiver, Object[] args, Object result) {
        return evaluator.evaluate(receiver, args, result);
    }

    /**
     * Evaluates it for one call whose first three arguments are passed one by one ({@code args} may then
     * be {@code null}, see {@link Evaluator}); whatever it throws is the caller's to handle.
     */
    Object evaluate(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        return evaluator.evaluate(receiver, a0, a1, a2, args, result);
    }

    /** Evaluates a condition: only {@code true} and {@code false} are acceptable results. */
    boolean test(Object receiver, Object[] args, Object result) {
        return truth(evaluate(receiver, args, result));
    }

    /** As {@link #test(Object, Object[], Object)}, the first three arguments passed one by one. */
    boolean test(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        return truth(evaluate(receiver, a0, a1, a2, args, result));
    }

    private static boolean truth(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String got = value == null ? "null" : value.getClass().getName();
        throw new IllegalStateException("expected true or false, got " + got);
    }

    /** {@code cache.key "#styleName.trim()"}. */
    String describe() {
        return role + " \"" + text.source() + "\"";
    }

    String rule() {
        return rule;
    }

    String method() {
        return method;
    }
}
