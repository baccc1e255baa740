package dev.cacheagent.expression;

/**
 * One token of an expression's text.
 *
 * @param value the literal's value for {@link Kind#NUMBER} and {@link Kind#STRING}, else {@code null}
 * @param start 0-based offset of the first character
 * @param end 0-based offset just past the last character
 */
record Token(Kind kind, String text, Object value, int start, int end) {

    enum Kind {
        NUMBER, STRING, IDENTIFIER, HASH,
        DOT, SAFE_DOT, LBRACKET, RBRACKET, LPAREN, RPAREN, COMMA,
        QUESTION, COLON, ELVIS,
        PLUS, MINUS, STAR, SLASH, PERCENT,
        BANG, EQ, NE, LT, LE, GT, GE, AND, OR,
        END
    }

    int column() {
        return start + 1;
    }

    boolean is(Kind kind) {
        return this.kind == kind;
    }

    /** An identifier spelled {@code word}, ignoring case, as SpEL reads its textual operators. */
    boolean isWord(String word) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(word);
    }

    /** How an error message names this token. */
    String describe() {
        return kind == Kind.END ? "the end of the expression" : "'" + text + "'";
    }
}
