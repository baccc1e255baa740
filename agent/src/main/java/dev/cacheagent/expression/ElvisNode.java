package dev.cacheagent.expression;

/**
 * {@code value ?: fallback}: the fallback when the value is null or, as in SpEL, an empty String.
 */
final class ElvisNode extends Node {
    private final Node value;
    private final Node fallback;

    ElvisNode(String text, Node value, Node fallback) {
        super(text);
        this.value = value;
        this.fallback = fallback;
    }

    @Override
    Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        Object first = value.eval(receiver, a0, a1, a2, args, result);
        return first == null || "".equals(first) ? fallback.eval(receiver, a0, a1, a2, args, result) : first;
    }
}
