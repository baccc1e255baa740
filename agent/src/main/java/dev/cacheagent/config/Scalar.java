package dev.cacheagent.config;

import dev.cacheagent.expression.Expression;
import dev.cacheagent.expression.ExpressionException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scalar of the rule file, after {@code ${…}} substitution, and the ways to read it. Every
 * conversion reads the text, never YAML's guess at its type, so that {@code ${ENABLED:true}} and
 * {@code true} read alike.
 *
 * @param text the value after substitution
 * @param position where the scalar starts (its opening quote, if quoted)
 */
record Scalar(String text, Style style, Position position) {
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern DURATION = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern DECIMAL_DURATION = Pattern.compile("-?\\d*\\.\\d+\\s*(ms|s|m|h|d)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final int SHOWN = 60;

    /** How the scalar was written; quoting shifts positions inside it by one. */
    enum Style { PLAIN, QUOTED, BLOCK }

    /** Plain {@code ~}, {@code null} or nothing at all. */
    boolean isNull() {
        return style == Style.PLAIN && isNullText(text);
    }

    /** What YAML reads as null when written plain. */
    static boolean isNullText(String text) {
        return NULLS.contains(text);
    }

    /** The position of the character {@code offset} characters into the value. */
    Position at(int offset) {
        return switch (style) {
            case PLAIN -> new Position(position.file(), position.line(), position.column() + offset);
            case QUOTED -> new Position(position.file(), position.line(), position.column() + 1 + offset);
            case BLOCK -> position;
        };
    }

    /** The value as written, for messages: quoted and, when long, shortened. */
    String shown() {
        return "'" + (text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text) + "'";
    }

    String asText() throws InvalidValue {
        requireValue();
        return text;
    }

    private void requireValue() throws InvalidValue {
        if (isNull() || text.isEmpty()) {
            throw new InvalidValue("has no value", "give it a value, or remove the key");
        }
    }

    /** Text that may be empty, e.g. a token that is not configured. */
    String asTextOrEmpty() {
        return isNull() ? "" : text;
    }

    boolean asBoolean() throws InvalidValue {
        requireValue();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidValue("must be true or false, not " + shown(), "write true or false");
    }

    long asInteger() throws InvalidValue {
        requireValue();
        if (!INTEGER.matcher(text).matches()) {
            throw new InvalidValue("must be a whole number, not " + shown(), "write digits only, e.g. 10000");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidValue("is too large: " + shown(), "write a smaller number");
        }
    }

    /** A whole number greater than zero that fits an {@code int}. */
    int asCount() throws InvalidValue {
        long value = asPositiveInteger();
        if (value > Integer.MAX_VALUE) {
            throw new InvalidValue("is too large: " + shown(), "write at most " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    long asPositiveInteger() throws InvalidValue {
        long value = asInteger();
        if (value <= 0) {
            throw new InvalidValue("must be greater than 0, not " + value, "give a positive number");
        }
        return value;
    }

    /** A decimal number of at least zero. */
    double asNumber() throws InvalidValue {
        requireValue();
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidValue("must be a number, not " + shown(), "write a number such as 0.05");
        }
        double value = Double.parseDouble(text);
        if (value < 0) {
            throw new InvalidValue("must not be negative, not " + text, "write 0 or more");
        }
        return value;
    }

    /** A share from 0 to 1, e.g. 0.1 for one in ten. */
    double asShare() throws InvalidValue {
        double value = asNumber();
        if (value > 1) {
            throw new InvalidValue("must be between 0 and 1, not " + text, "write a share such as 0.1 for one in ten");
        }
        return value;
    }

    /** A whole number with a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 7d}. */
    Duration asDuration() throws InvalidValue {
        requireValue();
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long amount;
            try {
                amount = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw new InvalidValue("is too long: " + shown(), "write a shorter duration");
            }
            if (amount < 0) {
                throw new InvalidValue("must not be negative, not " + shown(), "write a duration of 0 or more");
            }
            return duration(amount, m.group(2));
        }
        if (INTEGER.matcher(text).matches()) {
            throw new InvalidValue("is " + text + " without a unit",
                    "add one: write " + text + "ms or " + text + "s (units: ms, s, m, h, d)");
        }
        if (DECIMAL_DURATION.matcher(text).matches()) {
            throw new InvalidValue("must be a whole number with a unit, not " + shown(),
                    "use a smaller unit, e.g. 1500ms instead of 1.5s");
        }
        throw new InvalidValue("must be a duration such as 500ms or 30s, not " + shown(),
                "write a whole number followed by ms, s, m, h or d");
    }

    Duration asPositiveDuration() throws InvalidValue {
        Duration value = asDuration();
        if (value.isZero()) {
            throw new InvalidValue("must be longer than 0", "give a positive duration, e.g. 30s");
        }
        return value;
    }

    /** {@code agent.stats}: a duration, or a bare {@code 0} for off. */
    Duration asIntervalOrOff() throws InvalidValue {
        return text.equals("0") ? Duration.ZERO : asDuration();
    }

    private Duration duration(long amount, String unit) throws InvalidValue {
        try {
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException(unit);
            };
        } catch (ArithmeticException e) {
            throw new InvalidValue("is too long: " + shown(), "write a shorter duration");
        }
    }

    /** {@code 80%} as 0.8. */
    double asPercent() throws InvalidValue {
        requireValue();
        Matcher m = PERCENT.matcher(text);
        if (!m.matches()) {
            if (DECIMAL.matcher(text).matches()) {
                throw new InvalidValue("is " + text + " without '%'", "write it as a percentage: " + text + "%");
            }
            throw new InvalidValue("must be a percentage such as 80%, not " + shown(),
                    "write a number from 0 to 100 followed by %");
        }
        double percent = Double.parseDouble(m.group(1));
        if (percent > 100) {
            throw new InvalidValue("must be at most 100%, not " + text, "write a number from 0 to 100 followed by %");
        }
        return percent / 100;
    }

    /** An enum constant written in lower case with {@code -} for {@code _}: {@code two-level}. */
    static <E extends Enum<E>> Conversion<E> choice(Class<E> type) {
        return scalar -> {
            scalar.requireValue();
            for (E constant : type.getEnumConstants()) {
                if (nameOf(constant).equals(scalar.text())) {
                    return constant;
                }
            }
            List<String> names = Arrays.stream(type.getEnumConstants()).map(Scalar::nameOf).toList();
            throw scalar.notOneOf(names);
        };
    }

    static String nameOf(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "must be one of …", with a suggestion when the value is a near miss. */
    InvalidValue notOneOf(List<String> names) {
        String list = String.join(", ", names);
        return new InvalidValue("must be one of " + list + ", not " + shown(),
                NearestName.to(text, names).map(n -> "did you mean '" + n + "'?").orElse("write one of " + list));
    }

    /** An expression; its syntax is checked now so that the error points into the file. */
    ExpressionText asExpression() throws InvalidValue {
        if (isNull()) {
            // The commonest slip: key: #p0 unquoted, which YAML reads as an empty value and a comment.
            throw new InvalidValue("has no value",
                    "quote the expression, e.g. \"#styleName\": after a space, '#' starts a YAML comment");
        }
        String source = asText();
        try {
            Expression.parse(source);
        } catch (ExpressionException e) {
            int column = Math.max(e.column(), 1);
            throw new InvalidValue("\"" + source + "\" has a syntax error at column " + column + ": " + e.getMessage(),
                    "correct the expression at that column", column - 1);
        }
        return new ExpressionText(source, position);
    }

    /** A warmup argument: {@code null}, a boolean, a whole number, a decimal, or else a string. */
    Object asPlainValue() {
        if (style != Style.PLAIN) {
            return text;
        }
        if (isNull()) {
            return null;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (INTEGER.matcher(text).matches()) {
            BigInteger value = new BigInteger(text);
            return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
        }
        if (DECIMAL.matcher(text).matches()) {
            return Double.valueOf(text);
        }
        return text;
    }
}
