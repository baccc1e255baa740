package dev.cacheagent.expression;

/** An expression bound to one method: the root of its nodes, and the guarantee of one exception type. */
final class BoundExpression implements Evaluator {
    private final String source;
    private final Node root;

    BoundExpression(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    @Override
    public Object evaluate(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        try {
            return root.eval(receiver, a0, a1, a2, args, result);
        } catch (EvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            // a case the nodes do not foresee: still one exception type for the caller, with the cause
            throw new EvaluationException("'" + source + "': " + e.getClass().getName(), e);
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
