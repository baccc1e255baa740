package dev.cacheagent.expression;

/** {@code a && b} or {@code a and b}; {@code b} is evaluated only when {@code a} is true. */
final class AndNode extends Node {
    private final Node left;
    private final Node right;

    AndNode(String text, Node left, Node right) {
        super(text);
        this.left = left;
        this.right = right;
    }

    @Override
    Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        return condition(left, "for 'and'", receiver, a0, a1, a2, args, result)
                && condition(right, "for 'and'", receiver, a0, a1, a2, args, result);
    }
}
