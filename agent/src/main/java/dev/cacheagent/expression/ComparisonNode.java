package dev.cacheagent.expression;

/** {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=} and their textual forms. */
final class ComparisonNode extends Node {
    private final ComparisonOperator operator;
    private final Node left;
    private final Node right;

    ComparisonNode(String text, ComparisonOperator operator, Node left, Node right) {
        super(text);
        this.operator = operator;
        this.left = left;
        this.right = right;
    }

    @Override
    Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        Object l = left.eval(receiver, a0, a1, a2, args, result);
        Object r = right.eval(receiver, a0, a1, a2, args, result);
        try {
            return operator.test(l, r);
        } catch (ComparisonOperator.NotComparable e) {
            throw failure(e.getMessage(), e.getCause());
        } catch (RuntimeException e) {
            throw failure("equals() or compareTo() threw " + e.getClass().getName(), e);
        }
    }
}
