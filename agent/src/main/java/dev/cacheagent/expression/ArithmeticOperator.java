package dev.cacheagent.expression;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.StringJoiner;

/** The binary arithmetic operators, with SpEL's semantics. */
enum ArithmeticOperator {
    /**
     * Numeric addition, or concatenation when either side is a String: null reads "null", an enum
     * its name and a collection or array its elements joined with ',' (SpEL's conversions); any
     * other value reads its toString() (where SpEL would fail for want of a converter).
     */
    ADD("+", "add") {
        @Override
        Object others(Object left, Object right) {
            if (left instanceof String || right instanceof String) {
                return text(left).concat(text(right));
            }
            return null;
        }

        @Override
        Object ints(int left, int right) {
            return left + right;
        }

        @Override
        Object longs(long left, long right) {
            return left + right;
        }

        @Override
        Object floats(float left, float right) {
            return left + right;
        }

        @Override
        Object doubles(double left, double right) {
            return left + right;
        }

        @Override
        Object bigIntegers(BigInteger left, BigInteger right) {
            return left.add(right);
        }

        @Override
        Object bigDecimals(BigDecimal left, BigDecimal right) {
            return left.add(right);
        }
    },
    SUBTRACT("-", "subtract") {
        @Override
        Object ints(int left, int right) {
            return left - right;
        }

        @Override
        Object longs(long left, long right) {
            return left - right;
        }

        @Override
        Object floats(float left, float right) {
            return left - right;
        }

        @Override
        Object doubles(double left, double right) {
            return left - right;
        }

        @Override
        Object bigIntegers(BigInteger left, BigInteger right) {
            return left.subtract(right);
        }

        @Override
        Object bigDecimals(BigDecimal left, BigDecimal right) {
            return left.subtract(right);
        }
    },
    /** Numeric multiplication, or {@code 'text' * n} repeating the text, as SpEL does. */
    MULTIPLY("*", "multiply") {
        /** SpEL's bound on a repeated text, so an expression cannot exhaust memory. */
        private static final int MAX_REPEATED_LENGTH = 256;

        @Override
        Object others(Object left, Object right) {
            if (left instanceof String text && right instanceof Integer count) {
                if (count < 0 || (long) text.length() * count > MAX_REPEATED_LENGTH) {
                    throw new ArithmeticException("a text may be repeated between 0 and " + MAX_REPEATED_LENGTH
                            + " characters long, not " + count + " times a text of " + text.length() + " characters");
                }
                return text.repeat(count);
            }
            return null;
        }

        @Override
        Object ints(int left, int right) {
            return left * right;
        }

        @Override
        Object longs(long left, long right) {
            return left * right;
        }

        @Override
        Object floats(float left, float right) {
            return left * right;
        }

        @Override
        Object doubles(double left, double right) {
            return left * right;
        }

        @Override
        Object bigIntegers(BigInteger left, BigInteger right) {
            return left.multiply(right);
        }

        @Override
        Object bigDecimals(BigDecimal left, BigDecimal right) {
            return left.multiply(right);
        }
    },
    /** Integer division for integer types; a BigDecimal quotient keeps the larger scale, rounded half-even. */
    DIVIDE("/", "divide") {
        @Override
        Object ints(int left, int right) {
            return left / right;
        }

        @Override
        Object longs(long left, long right) {
            return left / right;
        }

        @Override
        Object floats(float left, float right) {
            return left / right;
        }

        @Override
        Object doubles(double left, double right) {
            return left / right;
        }

        @Override
        Object bigIntegers(BigInteger left, BigInteger right) {
            return left.divide(right);
        }

        @Override
        Object bigDecimals(BigDecimal left, BigDecimal right) {
            return left.divide(right, Math.max(left.scale(), right.scale()), RoundingMode.HALF_EVEN);
        }
    },
    MODULO("%", "take the remainder of") {
        @Override
        Object ints(int left, int right) {
            return left % right;
        }

        @Override
        Object longs(long left, long right) {
            return left % right;
        }

        @Override
        Object floats(float left, float right) {
            return left % right;
        }

        @Override
        Object doubles(double left, double right) {
            return left % right;
        }

        @Override
        Object bigIntegers(BigInteger left, BigInteger right) {
            return left.remainder(right);
        }

        @Override
        Object bigDecimals(BigDecimal left, BigDecimal right) {
            return left.remainder(right);
        }
    };

    final String symbol;
    final String verb;

    ArithmeticOperator(String symbol, String verb) {
        this.symbol = symbol;
        this.verb = verb;
    }

    /**
     * Applies the operator.
     *
     * @return the result, or null when the operator does not apply to these operand types
     * @throws ArithmeticException e.g. an integer division by zero
     */
    final Object apply(Object left, Object right) {
        if (left instanceof Number l && right instanceof Number r) {
            return switch (NumericType.common(l, r)) {
                case INT -> ints(l.intValue(), r.intValue());
                case LONG -> longs(l.longValue(), r.longValue());
                case FLOAT -> floats(l.floatValue(), r.floatValue());
                case DOUBLE, OTHER -> doubles(l.doubleValue(), r.doubleValue());
                case BIG_INTEGER -> bigIntegers(NumericType.toBigInteger(l), NumericType.toBigInteger(r));
                case BIG_DECIMAL -> bigDecimals(NumericType.toBigDecimal(l), NumericType.toBigDecimal(r));
            };
        }
        return others(left, right);
    }

    /** Operands that are not both numbers; null when the operator does not apply to them. */
    Object others(Object left, Object right) {
        return null;
    }

    abstract Object ints(int left, int right);

    abstract Object longs(long left, long right);

    abstract Object floats(float left, float right);

    abstract Object doubles(double left, double right);

    abstract Object bigIntegers(BigInteger left, BigInteger right);

    abstract Object bigDecimals(BigDecimal left, BigDecimal right);

    /** A value as SpEL's conversion to String reads it in a concatenation. */
    static String text(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String string) {
            return string;
        } else if (value instanceof Enum<?> constant) {
            return constant.name();
        } else if (value instanceof Collection<?> collection) {
            StringJoiner joined = new StringJoiner(",");
            collection.forEach(element -> joined.add(text(element)));
            return joined.toString();
        } else if (value.getClass().isArray()) {
            StringJoiner joined = new StringJoiner(",");
            for (int i = 0, length = Array.getLength(value); i < length; i++) {
                joined.add(text(Array.get(value, i)));
            }
            return joined.toString();
        }
        return value.toString();
    }
}
