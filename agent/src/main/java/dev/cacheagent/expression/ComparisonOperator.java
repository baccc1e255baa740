package dev.cacheagent.expression;

import java.util.Objects;

/**
 * The comparison operators, with SpEL's semantics: numbers compare by value after the promotion of
 * {@link NumericType}, texts by content, null equals only null and orders before everything else,
 * other values by {@code equals} (arrays by content) and {@code Comparable}.
 */
enum ComparisonOperator {
    EQUAL("==") {
        @Override
        boolean test(Object left, Object right) {
            return equal(left, right);
        }
    },
    NOT_EQUAL("!=") {
        @Override
        boolean test(Object left, Object right) {
            return !equal(left, right);
        }
    },
    LESS("<") {
        @Override
        boolean test(Object left, Object right) {
            return order(left, right) < 0;
        }
    },
    LESS_OR_EQUAL("<=") {
        @Override
        boolean test(Object left, Object right) {
            return order(left, right) <= 0;
        }
    },
    GREATER(">") {
        @Override
        boolean test(Object left, Object right) {
            int order = order(left, right);
            return order > 0 && order != UNORDERED;
        }
    },
    GREATER_OR_EQUAL(">=") {
        @Override
        boolean test(Object left, Object right) {
            int order = order(left, right);
            return order >= 0 && order != UNORDERED;
        }
    };

    /**
     * The order of a NaN against any number: every ordering comparison is false, as in Java. It is
     * below zero for none of the tests above, as they check it explicitly or need a value &lt;= 0.
     */
    private static final int UNORDERED = Integer.MAX_VALUE;

    final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /**
     * @throws NotComparable when the values cannot be ordered against each other
     */
    abstract boolean test(Object left, Object right);

    static boolean equal(Object left, Object right) {
        if (left instanceof Number l && right instanceof Number r) {
            return switch (NumericType.common(l, r)) {
                case INT -> l.intValue() == r.intValue();
                case LONG -> l.longValue() == r.longValue();
                case FLOAT -> l.floatValue() == r.floatValue();
                case DOUBLE, OTHER -> l.doubleValue() == r.doubleValue();
                case BIG_INTEGER -> NumericType.toBigInteger(l).compareTo(NumericType.toBigInteger(r)) == 0;
                case BIG_DECIMAL -> NumericType.toBigDecimal(l).compareTo(NumericType.toBigDecimal(r)) == 0;
            };
        }
        if (left instanceof CharSequence && right instanceof CharSequence) {
            return left.toString().equals(right.toString());
        }
        if (Objects.deepEquals(left, right)) {
            return true;
        }
        // SpEL also calls values equal that compare as 0 within a common Comparable type
        return left instanceof Comparable<?> && right instanceof Comparable<?>
                && Comparable.class.isAssignableFrom(commonAncestor(left.getClass(), right.getClass()))
                && compare(left, right) == 0;
    }

    /** Negative, zero or positive as left orders before, with or after right; {@link #UNORDERED} for NaN. */
    private static int order(Object left, Object right) {
        if (left instanceof Number l && right instanceof Number r) {
            return switch (NumericType.common(l, r)) {
                case INT -> Integer.compare(l.intValue(), r.intValue());
                case LONG -> Long.compare(l.longValue(), r.longValue());
                case FLOAT -> primitiveOrder(l.floatValue(), r.floatValue());
                case DOUBLE, OTHER -> primitiveOrder(l.doubleValue(), r.doubleValue());
                case BIG_INTEGER -> NumericType.toBigInteger(l).compareTo(NumericType.toBigInteger(r));
                case BIG_DECIMAL -> NumericType.toBigDecimal(l).compareTo(NumericType.toBigDecimal(r));
            };
        }
        if (left instanceof CharSequence && right instanceof CharSequence) {
            return left.toString().compareTo(right.toString());
        }
        return compare(left, right);
    }

    /** Java's own {@code <} and {@code ==} on doubles: -0.0 equals 0.0 and NaN is unordered. */
    private static int primitiveOrder(double left, double right) {
        return left < right ? -1 : left > right ? 1 : left == right ? 0 : UNORDERED;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right) {
        if (left == null) {
            return right == null ? 0 : -1;
        } else if (right == null) {
            return 1;
        }
        if (left instanceof Comparable comparable) {
            try {
                return comparable.compareTo(right);
            } catch (ClassCastException e) {
                throw new NotComparable(notComparable(left, right), e);
            }
        }
        throw new NotComparable(notComparable(left, right), null);
    }

    private static String notComparable(Object left, Object right) {
        return "cannot compare " + Node.describe(left) + " with " + Node.describe(right);
    }

    /** Two values that have no order between them. */
    static final class NotComparable extends RuntimeException {
        NotComparable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private static Class<?> commonAncestor(Class<?> left, Class<?> right) {
        Class<?> ancestor = left;
        while (!ancestor.isAssignableFrom(right)) {
            ancestor = ancestor.getSuperclass();
        }
        return ancestor;
    }
}
