package dev.cacheagent.matching;

import java.util.regex.Pattern;

/**
 * A name pattern: {@code *} matches any run of characters except {@code .}, {@code **} any run at
 * all, {@code ?} one character. A pattern without wildcards matches only itself.
 */
final class Glob {
    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    static Glob of(String text) {
        if (!isPattern(text)) {
            return new Glob(text, null);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(text, Pattern.compile(regex.toString()));
    }

    /** A pattern that matches only this exact text, wildcard characters included. */
    static Glob literal(String text) {
        return new Glob(text, null);
    }

    /** Whether this matches only its own text, wildcard characters included. */
    boolean isLiteral() {
        return pattern == null;
    }

    String text() {
        return text;
    }

    static boolean isPattern(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    boolean matches(String name) {
        return pattern == null ? text.equals(name) : pattern.matcher(name).matches();
    }
}
