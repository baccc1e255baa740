package dev.cacheagent.expression;

/** {@code condition ? whenTrue : whenFalse}; only the chosen branch is evaluated. */
final class TernaryNode extends Node {
    private final Node condition;
    private final Node whenTrue;
    private final Node whenFalse;

    TernaryNode(String text, Node condition, Node whenTrue, Node whenFalse) {
        super(text);
        this.condition = condition;
        this.whenTrue = whenTrue;
        this.whenFalse = whenFalse;
    }

    @Override
    Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        return condition(condition, "before '?'", receiver, a0, a1, a2, args, result)
                ? whenTrue.eval(receiver, a0, a1, a2, args, result)
                : whenFalse.eval(receiver, a0, a1, a2, args, result);
    }
}
