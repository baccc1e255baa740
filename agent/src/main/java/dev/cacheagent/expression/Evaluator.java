package dev.cacheagent.expression;

/**
 * An expression bound to one method, ready to evaluate on each call. Thread-safe.
 *
 * <p>A call's first three arguments are passed one by one, so that a call of a method with up to
 * three parameters (most methods) needs no argument array: the agent's hit path then allocates
 * nothing but what the expression itself makes.
 */
public interface Evaluator {

    /**
     * Evaluates the expression for one call.
     *
     * @param receiver {@code #this}; {@code null} for a static method
     * @param a0 the call's first argument, {@code null} when the method has none; {@code a1} and
     *     {@code a2} likewise the second and third
     * @param args every argument, as an array; may be {@code null} when the method has at most three
     *     parameters ({@code a0}..{@code a2} then hold them all), and must not be otherwise
     * @param result {@code #result}; ignored when the expression does not use it
     * @throws EvaluationException when evaluation fails (e.g. a method called on {@code null})
     */
    Object evaluate(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result);

    /**
     * Evaluates the expression for one call whose arguments are in an array.
     *
     * @param args the call's arguments
     * @throws EvaluationException when evaluation fails (e.g. a method called on {@code null})
     */
    default Object evaluate(Object receiver, Object[] args, Object result) {
        int count = args == null ? 0 : args.length;
        return evaluate(receiver, count > 0 ? args[0] : null, count > 1 ? args[1] : null, count > 2 ? args[2] : null,
                args, result);
    }
}
