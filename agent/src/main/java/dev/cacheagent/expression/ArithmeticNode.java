package dev.cacheagent.expression;

/** {@code a + b}, {@code a - b}, {@code a * b}, {@code a / b}, {@code a % b}. */
final class ArithmeticNode extends Node {
    private final ArithmeticOperator operator;
    private final Node left;
    private final Node right;

    ArithmeticNode(String text, ArithmeticOperator operator, Node left, Node right) {
        super(text);
        this.operator = operator;
        this.left = left;
        this.right = right;
    }

    @Override
    Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        Object l = left.eval(receiver, a0, a1, a2, args, result);
        Object r = right.eval(receiver, a0, a1, a2, args, result);
        Object value;
        try {
            value = operator.apply(l, r);
        } catch (ArithmeticException e) {
            throw failure(e.getMessage(), e);
        } catch (RuntimeException e) {
            // an operand's own toString() (or a collection's iterator) failed while being read as text
            throw thrownBy("reading an operand as text", e);
        }
        if (value == null) {
            throw failure("cannot " + operator.verb + " " + describe(l) + " and " + describe(r)
                    + (operator == ArithmeticOperator.ADD ? " ('+' adds numbers or joins text when one side is text)" : ""));
        }
        return value;
    }
}
