package dev.cacheagent.expression;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The type two numbers are brought to before an operation, following SpEL's ladder: BigDecimal,
 * then Double, Float, BigInteger, Long, then int for Integer, Short and Byte; any other Number type
 * counts as double unless paired with one of those.
 */
enum NumericType {
    OTHER, INT, LONG, BIG_INTEGER, FLOAT, DOUBLE, BIG_DECIMAL;

    static NumericType common(Number left, Number right) {
        NumericType wider = of(left).compareTo(of(right)) >= 0 ? of(left) : of(right);
        return wider == OTHER ? DOUBLE : wider;
    }

    static NumericType of(Number number) {
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return INT;
        } else if (number instanceof Long) {
            return LONG;
        } else if (number instanceof Double) {
            return DOUBLE;
        } else if (number instanceof Float) {
            return FLOAT;
        } else if (number instanceof BigDecimal) {
            return BIG_DECIMAL;
        } else if (number instanceof BigInteger) {
            return BIG_INTEGER;
        }
        return OTHER;
    }

    /** As SpEL converts: through the number's text, so 0.1d becomes 0.1 and not its binary approximation. */
    static BigDecimal toBigDecimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        } else if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        return new BigDecimal(number.toString());
    }

    static BigInteger toBigInteger(Number number) {
        if (number instanceof BigInteger integer) {
            return integer;
        } else if (number instanceof BigDecimal decimal) {
            return decimal.toBigInteger();
        }
        return BigInteger.valueOf(number.longValue());
    }
}
