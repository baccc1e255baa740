package dev.cacheagent.expression;

/**
 * One part of an expression bound to a method, evaluated for each call. Nodes are immutable apart
 * from the inline caches of member access, which are replaced whole and so safe to race on.
 */
abstract class Node {
    /** This part of the expression's text; error messages quote it so the user sees what failed. */
    final String text;

    Node(String text) {
        this.text = text;
    }

    /**
     * @param receiver {@code #this}
     * @param a0 the call's first argument ({@code null} when it has none), and so on for {@code a1}, {@code a2}
     * @param args the call's arguments as an array, or {@code null} when the caller made none (a method of
     *     at most three parameters: {@code a0}..{@code a2} hold them all); see {@link Evaluator}
     * @param result {@code #result}
     */
    abstract Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result);

    final EvaluationException failure(String problem) {
        return failure(problem, null);
    }

    final EvaluationException failure(String problem, Throwable cause) {
        return new EvaluationException("'" + text + "': " + problem, cause);
    }

    /**
     * The failure for an exception thrown by a property or method the expression called, kept as the
     * cause. Only the exception's class is named: its message may quote argument values.
     */
    final EvaluationException thrownBy(String member, Throwable thrown) {
        if (thrown instanceof VirtualMachineError error) {
            throw error;
        }
        return failure(member + " threw " + thrown.getClass().getName(), thrown);
    }

    /** Evaluates an operand that must be true or false; SpEL likewise refuses null and other values. */
    static boolean condition(Node operand, String role, Object receiver, Object a0, Object a1, Object a2,
            Object[] args, Object result) {
        Object value = operand.eval(receiver, a0, a1, a2, args, result);
        if (value instanceof Boolean truth) {
            return truth;
        }
        throw operand.failure("expected true or false " + role + " but was " + describe(value));
    }

    /**
     * How a message names a value: by its type only, because argument values may be secrets and
     * these messages end up in the event log.
     */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String type = typeName(value.getClass());
        return ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    static String typeName(Class<?> type) {
        String name = type.getTypeName();
        return name.startsWith("java.lang.") && name.indexOf('.', "java.lang.".length()) < 0
                ? name.substring("java.lang.".length())
                : name;
    }
}
