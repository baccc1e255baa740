package dev.cacheagent.config;

import java.util.regex.Pattern;

/**
 * {@code ${NAME}} and {@code ${NAME:default}} in scalar values: a system property, else an
 * environment variable, else the default. <code>$${</code> is a literal <code>${</code>. A substituted value
 * is not substituted again.
 */
final class Substitution {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final Environment env;

    Substitution(Environment env) {
        this.env = env;
    }

    String apply(String text) throws InvalidValue {
        if (!text.contains("${")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new InvalidValue("has an unclosed '${'",
                            "close it with '}', or write '$${' for a literal '${'", i);
                }
                out.append(resolve(text.substring(i + 2, end), i));
                i = end + 1;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private String resolve(String reference, int offset) throws InvalidValue {
        int colon = reference.indexOf(':');
        String name = colon < 0 ? reference : reference.substring(0, colon);
        String fallback = colon < 0 ? null : reference.substring(colon + 1);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidValue("has '${" + reference + "}', whose name '" + name + "' is not a valid name",
                    "use letters, digits, '_', '.' and '-', starting with a letter or '_', e.g. ${REDIS_URL}",
                    offset);
        }
        if (fallback != null && fallback.contains("${")) {
            throw new InvalidValue("nests '${' inside the default of ${" + name + "}",
                    "give a plain default value, e.g. ${" + name + ":value}", offset);
        }
        String value = env.lookup(name);
        if (value != null) {
            return value;
        }
        if (fallback != null) {
            return fallback;
        }
        throw new InvalidValue("uses ${" + name + "}, which is not set",
                "set the system property -D" + name + "=<value> or the environment variable " + name
                        + ", or give a default: ${" + name + ":<value>}",
                offset);
    }
}
