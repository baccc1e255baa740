package dev.cacheagent.expression;

/** A literal: its value is made once, when the expression is bound. */
final class ConstantNode extends Node {
    private final Object value;

    ConstantNode(String text, Object value) {
        super(text);
        this.value = value;
    }

    @Override
    Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        return value;
    }
}
