package dev.cacheagent.expression;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Unary {@code -a} (negation, keeping the number's type as SpEL does) and {@code +a}. */
final class SignNode extends Node {
    private final Node operand;
    private final boolean negate;

    SignNode(String text, Node operand, boolean negate) {
        super(text);
        this.operand = operand;
        this.negate = negate;
    }

    @Override
    Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        Object value = operand.eval(receiver, a0, a1, a2, args, result);
        if (!(value instanceof Number number)) {
            throw failure("expected a number after '" + (negate ? '-' : '+') + "' but was " + describe(value));
        }
        return negate ? negate(number) : number;
    }

    private static Object negate(Number number) {
        return switch (NumericType.of(number)) {
            case INT -> -number.intValue();
            case LONG -> -number.longValue();
            case FLOAT -> -number.floatValue();
            case DOUBLE, OTHER -> -number.doubleValue();
            case BIG_INTEGER -> ((BigInteger) number).negate();
            case BIG_DECIMAL -> ((BigDecimal) number).negate();
        };
    }
}
