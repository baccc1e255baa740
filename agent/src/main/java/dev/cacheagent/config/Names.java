package dev.cacheagent.config;

import java.util.regex.Pattern;

/** The shapes of the names a rule file gives: of rules, caches, types and methods. */
final class Names {
    /**
     * Compiled when the schema first checks a name, on the agent's start thread: {@code premain} checks the file's
     * words with {@link #isType} alone, and the application's {@code main} waits for what {@code premain} does.
     */
    private static final class Patterns {
        static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
        static final String IDENTIFIER = "[A-Za-z_$][\\w$]*";
        static final Pattern PARAMETER_TYPE =
                Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")*(\\[\\])*");
        static final Pattern METHOD = Pattern.compile("[A-Za-z_$*][\\w$*]*");
    }

    private Names() {}

    /** A rule or cache name: letters, digits, {@code -} and {@code _}. */
    static String name(Scalar scalar) throws InvalidValue {
        String text = scalar.asText();
        if (!isName(text)) {
            throw new InvalidValue("must use only letters, digits, - and _, not " + scalar.shown(),
                    "rename it, e.g. " + text.replaceAll("[^A-Za-z0-9_-]+", "-"));
        }
        return text;
    }

    /** Whether {@code text} has the shape of a binary class name: identifiers joined by dots. */
    static boolean isType(String text) {
        return dottedSegments(text, false);
    }

    /** Whether {@code text} has the shape of a class-name glob (a class name is one too). */
    static boolean isTypeGlob(String text) {
        return dottedSegments(text, true);
    }

    /**
     * Non-empty segments joined by dots, each a Java identifier of ASCII letters, digits, {@code _} and
     * {@code $} (not starting with a digit), or for a glob any run of those and {@code *}. By hand rather
     * than a regular expression: {@code premain} checks every word of a rule file with it.
     */
    private static boolean dottedSegments(String text, boolean glob) {
        int segmentStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '.') {
                if (i == segmentStart) {
                    return false;
                }
                segmentStart = i + 1;
                continue;
            }
            char c = text.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
            boolean digit = c >= '0' && c <= '9';
            if (!(letter || digit && (glob || i > segmentStart) || glob && c == '*')) {
                return false;
            }
        }
        return true;
    }

    static boolean isName(String text) {
        return Patterns.NAME.matcher(text).matches();
    }

    /** A binary class name: {@code com.example.Outer$Inner}. */
    static String type(Scalar scalar) throws InvalidValue {
        return checked(scalar, isType(scalar.asText()), "a class name",
                "write the binary name, e.g. com.example.Outer$Inner");
    }

    /** A parameter type, by simple or qualified name; arrays with {@code []}. */
    static String parameterType(Scalar scalar) throws InvalidValue {
        return matching(scalar, Patterns.PARAMETER_TYPE, "a type name",
                "write the erased type, e.g. String, java.util.List or int[]");
    }

    static String typeGlob(Scalar scalar) throws InvalidValue {
        return checked(scalar, isTypeGlob(scalar.asText()), "a class name glob",
                "write e.g. com.example.**.*Service: * within a package, ** across packages");
    }

    /** A method name or a glob over names: {@code get*}. */
    static String method(Scalar scalar) throws InvalidValue {
        return matching(scalar, Patterns.METHOD, "a method name", "write a name such as getStylePrompt, or a glob such as get*");
    }

    private static String matching(Scalar scalar, Pattern pattern, String kind, String fix) throws InvalidValue {
        return checked(scalar, pattern.matcher(scalar.asText()).matches(), kind, fix);
    }

    private static String checked(Scalar scalar, boolean valid, String kind, String fix) throws InvalidValue {
        if (!valid) {
            throw new InvalidValue("must be " + kind + ", not " + scalar.shown(), fix);
        }
        return scalar.asText();
    }
}
