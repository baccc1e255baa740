package dev.cacheagent.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Binds a parsed expression to one method: each variable becomes a direct read of an argument slot,
 * the target or the result, so that evaluation does no name lookups.
 *
 * <p>Names are looked up as SpEL's method-based context does: {@code #this}; {@code #result} where
 * allowed; a parameter name; then {@code #args}, {@code #pN} and {@code #aN}. A parameter's own name
 * therefore wins over {@code #args}, {@code #p0}... if a method happens to use one of those names.
 */
final class Binder {
    private final String source;
    private final List<String> parameterNames;
    private final boolean resultAllowed;

    Binder(String source, List<String> parameterNames, boolean resultAllowed) {
        this.source = source;
        // a copy that keeps the null entries of names the class file does not carry
        this.parameterNames = Collections.unmodifiableList(new ArrayList<>(parameterNames));
        this.resultAllowed = resultAllowed;
    }

    /** The text of one part of the expression, as error messages quote it. */
    String text(Syntax syntax) {
        return source.substring(syntax.start(), syntax.end());
    }

    Node variable(Syntax.Variable variable) {
        String name = variable.name();
        String text = text(variable);
        if (name.equals("this")) {
            return new VariableNode.Target(text);
        }
        if (name.equals("result") && resultAllowed) {
            return new VariableNode.Result(text);
        }
        int named = parameterNames.indexOf(name);
        if (named >= 0) {
            return new VariableNode.Argument(text, named);
        }
        if (name.equals("args")) {
            return new VariableNode.Arguments(text, parameterNames.size());
        }
        int position = position(name);
        if (position >= 0 && position < parameterNames.size()) {
            return new VariableNode.Argument(text, position);
        }
        throw new ExpressionException(problem(name, position), variable.start() + 1);
    }

    /** N for {@code pN} or {@code aN} written without leading zeros, else -1. */
    private static int position(String name) {
        if (name.length() < 2 || (name.charAt(0) != 'p' && name.charAt(0) != 'a')) {
            return -1;
        }
        String digits = name.substring(1);
        if (!digits.chars().allMatch(Character::isDigit) || (digits.length() > 1 && digits.charAt(0) == '0')
                || digits.length() > 9) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    private String problem(String name, int position) {
        if (name.equals("result")) {
            return "#result is only available after the call (in unless, put values and log fields); "
                    + "this expression is evaluated before the call";
        }
        if (name.equals("root")) {
            return "#root is not supported: use #this for the object the method is called on and #args for its arguments";
        }
        StringBuilder message = new StringBuilder("unknown variable #").append(name);
        String suggestion = position >= 0 ? null : nearest(name);
        if (position >= 0) {
            message.append(": this method has ").append(parameterNames.size())
                    .append(parameterNames.size() == 1 ? " parameter." : " parameters.");
        } else if (suggestion != null) {
            message.append("; did you mean #").append(suggestion).append('?');
        } else {
            message.append('.');
        }
        message.append(" Available here: ").append(String.join(", ", available()));
        if (parameterNames.contains(null)) {
            message.append(". This class file does not carry parameter names: use #p0, #p1... or compile the application with -parameters");
        }
        return message.toString();
    }

    private List<String> available() {
        List<String> names = new ArrayList<>();
        parameterNames.stream().filter(Objects::nonNull).forEach(parameter -> names.add("#" + parameter));
        int count = parameterNames.size();
        if (count == 1) {
            names.add("#p0");
            names.add("#a0");
        } else if (count > 1) {
            names.add("#p0..#p" + (count - 1));
            names.add("#a0..#a" + (count - 1));
        }
        names.add("#args");
        names.add("#this");
        if (resultAllowed) {
            names.add("#result");
        }
        return names;
    }

    /** The variable the user most likely meant, if one is a couple of typos away. */
    private String nearest(String name) {
        List<String> candidates = new ArrayList<>();
        parameterNames.stream().filter(Objects::nonNull).forEach(candidates::add);
        candidates.add("args");
        candidates.add("this");
        if (resultAllowed) {
            candidates.add("result");
        }
        String best = null;
        int bestDistance = Math.max(1, Math.min(2, name.length() / 3)) + 1;
        for (String candidate : candidates) {
            int distance = editDistance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
