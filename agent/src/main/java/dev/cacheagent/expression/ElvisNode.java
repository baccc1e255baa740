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
    Object eval(Object receiver, Object[] args, Object result) {
        Object first = value.eval(receiver, args, result);
        return first == null || "".equals(first) ? fallback.eval(receiver, args, result) : first;
    }
}
