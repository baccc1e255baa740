package dev.cacheagent.expression;

/** {@code a || b} or {@code a or b}; {@code b} is evaluated only when {@code a} is false. */
final class OrNode extends Node {
    private final Node left;
    private final Node right;

    OrNode(String text, Node left, Node right) {
        super(text);
        this.left = left;
        this.right = right;
    }

    @Override
    Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        return condition(left, "for 'or'", receiver, a0, a1, a2, args, result)
                || condition(right, "for 'or'", receiver, a0, a1, a2, args, result);
    }
}
