package dev.cacheagent.config;

/**
 * {@code ${NAME}} and {@code ${NAME:default}} in scalar values: a system property, else an
 * environment variable, else the default. <code>$${</code> is a literal <code>${</code>. A substituted value
 * is not substituted again.
 */
final class Substitution {
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

    /**
     * A letter or {@code _}, then letters, digits, {@code _}, {@code .} and {@code -}. By hand rather than a
     * regular expression: {@code premain} substitutes the whole text to find the classes rules may select.
     */
    static boolean isVariableName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
            boolean other = c >= '0' && c <= '9' || c == '.' || c == '-';
            if (!(letter || i > 0 && other)) {
                return false;
            }
        }
        return true;
    }

    private String resolve(String reference, int offset) throws InvalidValue {
        int colon = reference.indexOf(':');
        String name = colon < 0 ? reference : reference.substring(0, colon);
        String fallback = colon < 0 ? null : reference.substring(colon + 1);
        if (!isVariableName(name)) {
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
