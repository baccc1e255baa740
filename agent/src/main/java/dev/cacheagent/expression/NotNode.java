package dev.cacheagent.expression;

/** {@code !a} or {@code not a}. */
final class NotNode extends Node {
    private final Node operand;

    NotNode(String text, Node operand) {
        super(text);
        this.operand = operand;
    }

    @Override
    Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        return !condition(operand, "after 'not'", receiver, a0, a1, a2, args, result);
    }
}
