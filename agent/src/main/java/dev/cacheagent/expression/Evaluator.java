package dev.cacheagent.expression;

/** An expression bound to one method, ready to evaluate on each call. Thread-safe. */
@FunctionalInterface
public interface Evaluator {

    /**
     * Evaluates the expression for one call.
     *
     * @param receiver {@code #this}; {@code null} for a static method
     * @param args the call's arguments
     * @param result {@code #result}; ignored when the expression does not use it
     * @throws EvaluationException when evaluation fails (e.g. a method called on {@code null})
     */
    Object evaluate(Object receiver, Object[] args, Object result);
}
