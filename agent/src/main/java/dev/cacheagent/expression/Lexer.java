package dev.cacheagent.expression;

import dev.cacheagent.expression.Token.Kind;

/**
 * Splits an expression's text into tokens, one at a time as the parser asks, so that the first error
 * in the text is the one reported. Characters that only start constructs the language leaves out
 * (bean references, inline lists, assignment, selection, ...) are rejected here, where their column
 * is known, with a message that names the construct.
 */
final class Lexer {
    private final String source;
    private int pos;

    Lexer(String source) {
        this.source = source;
    }

    /** The next token; {@link Kind#END} at the end, and again on every later call. */
    Token next() {
        skipWhitespace();
        if (pos >= source.length()) {
            return new Token(Kind.END, "", null, pos, pos);
        }
        char c = source.charAt(pos);
        if (isDigit(c)) {
            return number();
        } else if (Character.isJavaIdentifierStart(c)) {
            return identifier();
        } else if (c == '\'' || c == '"') {
            return string(c);
        }
        return symbol(c);
    }

    private void skipWhitespace() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
    }

    private Token symbol(char c) {
        return switch (c) {
            case '#' -> single(Kind.HASH);
            case '.' -> dot(Kind.DOT, 1);
            case '[' -> single(Kind.LBRACKET);
            case ']' -> single(Kind.RBRACKET);
            case '(' -> single(Kind.LPAREN);
            case ')' -> single(Kind.RPAREN);
            case ',' -> single(Kind.COMMA);
            case ':' -> single(Kind.COLON);
            case '*' -> single(Kind.STAR);
            case '/' -> single(Kind.SLASH);
            case '%' -> single(Kind.PERCENT);
            case '?' -> question();
            case '+' -> {
                rejectIf("++", "the increment operator '++' is not supported");
                yield single(Kind.PLUS);
            }
            case '-' -> {
                rejectIf("--", "the decrement operator '--' is not supported");
                yield single(Kind.MINUS);
            }
            case '!' -> pair('=', Kind.NE, Kind.BANG);
            case '<' -> pair('=', Kind.LE, Kind.LT);
            case '>' -> pair('=', Kind.GE, Kind.GT);
            case '=' -> {
                if (!next('=')) {
                    throw error("assignment '=' is not supported; to compare, write '=='", pos);
                }
                yield emit(Kind.EQ, 2);
            }
            case '&' -> {
                if (!next('&')) {
                    throw error("factory bean references '&name' are not supported; for a logical and, write '&&' or 'and'", pos);
                }
                yield emit(Kind.AND, 2);
            }
            case '|' -> {
                if (!next('|')) {
                    throw error("unexpected character '|'; for a logical or, write '||' or 'or'", pos);
                }
                yield emit(Kind.OR, 2);
            }
            case '@' -> throw error("bean references '@name' are not supported: expressions may use only the call's arguments, target and result", pos);
            case '{', '}' -> throw error("inline lists and maps '{...}' are not supported", pos);
            case '^' -> throw error("the power operator '^' is not supported", pos);
            default -> throw error("unexpected character '" + c + "'", pos);
        };
    }

    private Token question() {
        if (next('.')) {
            return dot(Kind.SAFE_DOT, 2);
        } else if (next(':')) {
            return emit(Kind.ELVIS, 2);
        } else if (next('[')) {
            throw error("selection '?[...]' is not supported", pos);
        }
        return single(Kind.QUESTION);
    }

    /** A '.' or '?.', refusing the projection and selection forms that start the same way. */
    private Token dot(Kind kind, int length) {
        String rest = source.substring(pos + length, Math.min(source.length(), pos + length + 2));
        return switch (rest) {
            case "![" -> throw error("projection '.![...]' is not supported", pos);
            case "?[" -> throw error("selection '.?[...]' is not supported", pos);
            case "^[" -> throw error("selection of the first match '.^[...]' is not supported", pos);
            case "$[" -> throw error("selection of the last match '.$[...]' is not supported", pos);
            default -> emit(kind, length);
        };
    }

    private Token identifier() {
        int start = pos;
        while (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
            pos++;
        }
        return new Token(Kind.IDENTIFIER, source.substring(start, pos), null, start, pos);
    }

    /** A quoted text; a doubled quote stands for the quote itself, as in SpEL. */
    private Token string(char quote) {
        int start = pos;
        StringBuilder text = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= source.length()) {
                throw error("unterminated text: add the closing " + quote, start);
            }
            char c = source.charAt(pos);
            if (c == quote) {
                if (next(quote)) {
                    text.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                break;
            }
            text.append(c);
            pos++;
        }
        return new Token(Kind.STRING, source.substring(start, pos), text.toString(), start, pos);
    }

    /**
     * A number as SpEL reads it: decimal or 0x hex integers (int; long with an L suffix or when too
     * large for an int), and decimals with an optional exponent (double; float with an F suffix).
     */
    private Token number() {
        int start = pos;
        if (source.charAt(pos) == '0' && pos + 1 < source.length() && (source.charAt(pos + 1) | 0x20) == 'x') {
            pos += 2;
            int digits = pos;
            while (pos < source.length() && Character.digit(source.charAt(pos), 16) >= 0) {
                pos++;
            }
            if (pos == digits) {
                throw error("a hexadecimal number needs digits after '0x'", start);
            }
            return integer(start, source.substring(digits, pos), 16);
        }
        digits();
        boolean real = false;
        if (pos + 1 < source.length() && source.charAt(pos) == '.' && isDigit(source.charAt(pos + 1))) {
            real = true;
            pos++;
            digits();
        }
        if (pos < source.length() && (source.charAt(pos) | 0x20) == 'e') {
            real = true;
            pos++;
            if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) {
                pos++;
            }
            int exponent = pos;
            digits();
            if (pos == exponent) {
                throw error("a number's exponent needs digits after 'e'", start);
            }
        }
        String text = source.substring(start, pos);
        char suffix = pos < source.length() ? (char) (source.charAt(pos) | 0x20) : ' ';
        if (suffix == 'f' || suffix == 'd') {
            pos++;
            endOfNumber(start);
            Object value = suffix == 'f' ? (Object) Float.parseFloat(text) : (Object) Double.parseDouble(text);
            return new Token(Kind.NUMBER, source.substring(start, pos), value, start, pos);
        } else if (real) {
            endOfNumber(start);
            return new Token(Kind.NUMBER, text, Double.parseDouble(text), start, pos);
        }
        return integer(start, text, 10);
    }

    private Token integer(int start, String digits, int radix) {
        boolean longSuffix = pos < source.length() && (source.charAt(pos) | 0x20) == 'l';
        if (longSuffix) {
            pos++;
        }
        endOfNumber(start);
        Object value;
        try {
            long parsed = Long.parseLong(digits, radix);
            value = !longSuffix && parsed <= Integer.MAX_VALUE ? (Object) (int) parsed : (Object) parsed;
        } catch (NumberFormatException e) {
            throw error("the number " + source.substring(start, pos) + " is too large for a long; write it as a decimal, e.g. 1.0e20", start);
        }
        return new Token(Kind.NUMBER, source.substring(start, pos), value, start, pos);
    }

    private void endOfNumber(int start) {
        if (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
            throw error("unexpected character '" + source.charAt(pos) + "' in the number starting here", start);
        }
    }

    private void digits() {
        while (pos < source.length() && isDigit(source.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean next(char c) {
        return pos + 1 < source.length() && source.charAt(pos + 1) == c;
    }

    private void rejectIf(String text, String message) {
        if (source.startsWith(text, pos)) {
            throw error(message, pos);
        }
    }

    private Token pair(char second, Kind ifPair, Kind ifSingle) {
        return next(second) ? emit(ifPair, 2) : emit(ifSingle, 1);
    }

    private Token single(Kind kind) {
        return emit(kind, 1);
    }

    private Token emit(Kind kind, int length) {
        Token token = new Token(kind, source.substring(pos, pos + length), null, pos, pos + length);
        pos += length;
        return token;
    }

    private static ExpressionException error(String message, int offset) {
        return new ExpressionException(message, offset + 1);
    }
}
