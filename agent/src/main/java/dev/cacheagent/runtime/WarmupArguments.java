package dev.cacheagent.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits a rule's {@code warmup} argument lists, plain YAML values (strings, whole numbers, decimals,
 * booleans, {@code null}), to the parameters of one method: {@code 42} for an {@code int}, a
 * {@code long} or a {@code BigDecimal}, a name for an enum, {@code 42} or {@code true} for a
 * {@code String} (a decimal must be quoted for a {@code String}: its text would not survive).
 *
 * <p>Checked twice: when the method is bound, by parameter type names (what can be told before its
 * classes are loaded), and again with the loaded parameter types when the warm-up runs.
 */
final class WarmupArguments {
    private static final Set<String> ANY_VALUE = Set.of("java.lang.Object", "java.io.Serializable",
            "java.lang.Comparable");

    /** An argument that does not fit its parameter; the message says which, why and what to write instead. */
    static final class Misfit extends Exception {
        Misfit(String message) {
            super(message, null, false, false);
        }
    }

    private WarmupArguments() {}

    /**
     * The argument lists that cannot fit the method, by their index in the rule's {@code warmup}, each
     * described for a {@code rule_error}; types that can only be checked once loaded (an enum, say) are
     * left to {@link #fit(List, Class[], MethodInfo)}.
     */
    static Map<Integer, String> misfits(List<List<Object>> lists, MethodInfo method) {
        Map<Integer, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < lists.size(); i++) {
            try {
                fit(lists.get(i), null, method);
            } catch (Misfit misfit) {
                problems.put(i, "warmup[" + i + "] " + misfit.getMessage());
            }
        }
        return problems;
    }

    /**
     * The arguments to call the method with.
     *
     * @param types the method's loaded parameter types, or {@code null} to check by type names only
     */
    static Object[] fit(List<Object> values, Class<?>[] types, MethodInfo method) throws Misfit {
        List<MethodInfo.Parameter> parameters = method.parameters();
        if (values.size() != parameters.size()) {
            throw new Misfit("has " + values.size() + " argument(s) but " + method.displayName() + " takes "
                    + parameters.size() + " " + signature(parameters) + " — give one value per parameter");
        }
        Object[] args = new Object[values.size()];
        for (int i = 0; i < args.length; i++) {
            MethodInfo.Parameter parameter = parameters.get(i);
            try {
                args[i] = fit(values.get(i), parameter.type(), types == null ? null : types[i]);
            } catch (Misfit misfit) {
                String name = parameter.name() == null ? "#p" + i : parameter.name();
                throw new Misfit("argument " + (i + 1) + " (" + shown(values.get(i)) + ") does not fit parameter "
                        + name + " (" + parameter.type() + ") of " + method.displayName() + ": "
                        + misfit.getMessage());
            }
        }
        return args;
    }

    private static String signature(List<MethodInfo.Parameter> parameters) {
        return "(" + String.join(", ", parameters.stream()
                .map(p -> p.name() == null ? p.type() : p.type() + " " + p.name()).toList()) + ")";
    }

    private static String shown(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    /** One value for one parameter; {@code type} is {@code null} when only its name is known. */
    private static Object fit(Object value, String typeName, Class<?> type) throws Misfit {
        if (value == null) {
            if (isPrimitive(typeName)) {
                throw new Misfit("null cannot be passed as a " + typeName + " — write a value");
            }
            return null;
        }
        if (ANY_VALUE.contains(typeName)) {
            return value;
        }
        return switch (typeName) {
            case "java.lang.String", "java.lang.CharSequence" -> text(value);
            case "int", "java.lang.Integer" -> (int) whole(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "long", "java.lang.Long" -> whole(value, Long.MIN_VALUE, Long.MAX_VALUE);
            case "short", "java.lang.Short" -> (short) whole(value, Short.MIN_VALUE, Short.MAX_VALUE);
            case "byte", "java.lang.Byte" -> (byte) whole(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case "double", "java.lang.Double" -> number(value).doubleValue();
            case "float", "java.lang.Float" -> number(value).floatValue();
            case "java.lang.Number" -> number(value);
            case "boolean", "java.lang.Boolean" -> bool(value);
            case "char", "java.lang.Character" -> character(value);
            case "java.math.BigDecimal" -> decimal(value);
            case "java.math.BigInteger" -> bigInteger(value);
            default -> other(value, typeName, type);
        };
    }

    private static boolean isPrimitive(String typeName) {
        return switch (typeName) {
            case "int", "long", "short", "byte", "double", "float", "boolean", "char" -> true;
            default -> false;
        };
    }

    private static String text(Object value) throws Misfit {
        if (value instanceof Double) {
            throw new Misfit("a decimal written as a number may not keep its text — quote it, e.g. \"" + value + "\"");
        }
        return value.toString();
    }

    private static long whole(Object value, long min, long max) throws Misfit {
        if (value instanceof Long n && n >= min && n <= max) {
            return n;
        }
        if (value instanceof Long || value instanceof BigInteger) {
            throw new Misfit("out of range — write a whole number from " + min + " to " + max);
        }
        throw new Misfit("write a whole number, e.g. 42");
    }

    private static Number number(Object value) throws Misfit {
        if (value instanceof Number n) {
            return n;
        }
        throw new Misfit("write a number, e.g. 0.5");
    }

    private static Boolean bool(Object value) throws Misfit {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new Misfit("write true or false");
    }

    private static Character character(Object value) throws Misfit {
        if (value instanceof String s && s.length() == 1) {
            return s.charAt(0);
        }
        throw new Misfit("write a single character, e.g. 'x'");
    }

    private static BigDecimal decimal(Object value) throws Misfit {
        try {
            return value instanceof Double d ? BigDecimal.valueOf(d)
                    : value instanceof Boolean ? badDecimal()
                    : new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return badDecimal();
        }
    }

    private static BigDecimal badDecimal() throws Misfit {
        throw new Misfit("write a number, e.g. 19.99");
    }

    private static BigInteger bigInteger(Object value) throws Misfit {
        try {
            if (value instanceof Long || value instanceof BigInteger || value instanceof String) {
                return new BigInteger(value.toString());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Misfit("write a whole number, e.g. 42");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object other(Object value, String typeName, Class<?> type) throws Misfit {
        if (type == null) {
            // Not known by name (an enum, an application type): checked once the class is loaded.
            return value;
        }
        if (type.isEnum()) {
            if (value instanceof String name) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum) constant).name().equals(name)) {
                        return constant;
                    }
                }
            }
            throw new Misfit("write one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum) c).name())
                    .toList());
        }
        if (type.isInstance(value)) {
            return value;
        }
        throw new Misfit("a " + typeName + " cannot be written in a rule file: warm-up arguments are strings, "
                + "numbers, booleans and null — warm a method whose parameters take such values, or remove warmup");
    }
}
