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
    Object eval(Object receiver, Object[] args, Object result) {
        return condition(condition, "before '?'", receiver, args, result)
                ? whenTrue.eval(receiver, args, result)
                : whenFalse.eval(receiver, args, result);
    }
}
