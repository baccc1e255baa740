package dev.cacheagent.expression;

import dev.cacheagent.expression.Token.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser with SpEL's precedence, lowest first: {@code ? :} and {@code ?:} (both
 * right-associative), {@code or}, {@code and}, one comparison, {@code + -}, {@code * / %}, unary
 * {@code ! - +}, then a primary followed by any chain of {@code .name}, {@code ?.name},
 * {@code .name(...)}, {@code [index]} and {@code ?.[index]}.
 */
final class Parser {
    /** Deep enough for any real key; shallow enough that parsing hostile text cannot overflow the stack. */
    private static final int MAX_DEPTH = 64;
    /**
     * Bounds the length of operator chains such as {@code a + b + c ...}, whose trees grow one level
     * per operator: evaluation recurses through them on the application's threads.
     */
    static final int MAX_TOKENS = 256;

    private final Lexer lexer;
    private final Set<String> variables = new LinkedHashSet<>();
    private Token current;
    private Token previous;
    private int depth;
    private int tokens = 1;

    private Parser(Lexer lexer) {
        this.lexer = lexer;
        this.current = lexer.next();
    }

    /** The parsed tree and the variables it names, in order of first appearance. */
    record Result(Syntax root, Set<String> variables) {}

    static Result parse(String source) {
        Parser parser = new Parser(new Lexer(source));
        if (parser.peek().is(Kind.END)) {
            throw new ExpressionException("empty expression: write e.g. #p0, #name.trim() or 'text'", 1);
        }
        Syntax root = parser.expression();
        Token last = parser.peek();
        if (!last.is(Kind.END)) {
            throw parser.unexpected(last, "an operator or the end of the expression");
        }
        return new Result(root, Collections.unmodifiableSet(parser.variables));
    }

    private Syntax expression() {
        enter();
        Syntax condition = or();
        Syntax result = condition;
        if (peek().is(Kind.QUESTION)) {
            Token question = take();
            Syntax whenTrue = expression();
            expect(Kind.COLON, "':' of the conditional '? :' begun at column " + question.column());
            Syntax whenFalse = expression();
            result = new Syntax.Ternary(condition, whenTrue, whenFalse, condition.start(), whenFalse.end());
        } else if (peek().is(Kind.ELVIS)) {
            take();
            Syntax fallback = expression();
            result = new Syntax.Elvis(condition, fallback, condition.start(), fallback.end());
        }
        depth--;
        return result;
    }

    private Syntax or() {
        Syntax left = and();
        while (peek().is(Kind.OR) || peek().isWord("or")) {
            take();
            Syntax right = and();
            left = new Syntax.Or(left, right, left.start(), right.end());
        }
        return left;
    }

    private Syntax and() {
        Syntax left = comparison();
        while (peek().is(Kind.AND) || peek().isWord("and")) {
            take();
            Syntax right = comparison();
            left = new Syntax.And(left, right, left.start(), right.end());
        }
        return left;
    }

    /** At most one comparison, as in SpEL: {@code a < b < c} means nothing useful, so it is an error. */
    private Syntax comparison() {
        Syntax left = sum();
        ComparisonOperator operator = comparisonOperator(peek());
        if (operator == null) {
            return left;
        }
        take();
        Syntax right = sum();
        Token after = peek();
        if (comparisonOperator(after) != null) {
            throw new ExpressionException("comparisons cannot be chained: join them with 'and', e.g. #a < #b and #b < #c",
                    after.column());
        }
        return new Syntax.Comparison(operator, left, right, left.start(), right.end());
    }

    private static ComparisonOperator comparisonOperator(Token token) {
        return switch (token.kind()) {
            case EQ -> ComparisonOperator.EQUAL;
            case NE -> ComparisonOperator.NOT_EQUAL;
            case LT -> ComparisonOperator.LESS;
            case LE -> ComparisonOperator.LESS_OR_EQUAL;
            case GT -> ComparisonOperator.GREATER;
            case GE -> ComparisonOperator.GREATER_OR_EQUAL;
            case IDENTIFIER -> switch (token.text().toLowerCase(Locale.ROOT)) {
                case "eq" -> ComparisonOperator.EQUAL;
                case "ne" -> ComparisonOperator.NOT_EQUAL;
                case "lt" -> ComparisonOperator.LESS;
                case "le" -> ComparisonOperator.LESS_OR_EQUAL;
                case "gt" -> ComparisonOperator.GREATER;
                case "ge" -> ComparisonOperator.GREATER_OR_EQUAL;
                default -> null;
            };
            default -> null;
        };
    }

    private Syntax sum() {
        Syntax left = product();
        while (peek().is(Kind.PLUS) || peek().is(Kind.MINUS)) {
            ArithmeticOperator operator = take().is(Kind.PLUS) ? ArithmeticOperator.ADD : ArithmeticOperator.SUBTRACT;
            Syntax right = product();
            left = new Syntax.Arithmetic(operator, left, right, left.start(), right.end());
        }
        return left;
    }

    private Syntax product() {
        Syntax left = unary();
        while (true) {
            ArithmeticOperator operator = productOperator(peek());
            if (operator == null) {
                return left;
            }
            take();
            Syntax right = unary();
            left = new Syntax.Arithmetic(operator, left, right, left.start(), right.end());
        }
    }

    private static ArithmeticOperator productOperator(Token token) {
        if (token.is(Kind.STAR)) {
            return ArithmeticOperator.MULTIPLY;
        } else if (token.is(Kind.SLASH) || token.isWord("div")) {
            return ArithmeticOperator.DIVIDE;
        } else if (token.is(Kind.PERCENT) || token.isWord("mod")) {
            return ArithmeticOperator.MODULO;
        }
        return null;
    }

    private Syntax unary() {
        Token token = peek();
        if (token.is(Kind.BANG) || token.isWord("not")) {
            take();
            enter();
            Syntax operand = unary();
            depth--;
            return new Syntax.Not(operand, token.start(), operand.end());
        }
        if (token.is(Kind.MINUS) || token.is(Kind.PLUS)) {
            take();
            enter();
            Syntax operand = unary();
            depth--;
            return new Syntax.Sign(token.is(Kind.MINUS), operand, token.start(), operand.end());
        }
        return navigation(primary());
    }

    /** The chain after a primary: properties, method calls and indexes, each optionally null-safe. */
    private Syntax navigation(Syntax target) {
        while (true) {
            Token token = peek();
            if (token.is(Kind.DOT) || token.is(Kind.SAFE_DOT)) {
                take();
                boolean nullSafe = token.is(Kind.SAFE_DOT);
                if (nullSafe && peek().is(Kind.LBRACKET)) {
                    target = index(target, true);
                    continue;
                }
                Token name = peek();
                if (!name.is(Kind.IDENTIFIER)) {
                    throw unexpected(name, "a property or method name after '" + token.text() + "'");
                }
                take();
                if (peek().is(Kind.LPAREN)) {
                    List<Syntax> arguments = arguments();
                    target = new Syntax.MethodCall(target, name.text(), arguments, nullSafe, target.start(), previous().end());
                } else {
                    target = new Syntax.Property(target, name.text(), nullSafe, target.start(), name.end());
                }
            } else if (token.is(Kind.LBRACKET)) {
                target = index(target, false);
            } else {
                return target;
            }
        }
    }

    private Syntax index(Syntax target, boolean nullSafe) {
        Token open = take();
        Syntax index = expression();
        expect(Kind.RBRACKET, "']' to close the '[' at column " + open.column());
        return new Syntax.Index(target, index, nullSafe, target.start(), previous().end());
    }

    private List<Syntax> arguments() {
        Token open = take();
        List<Syntax> arguments = new ArrayList<>();
        if (peek().is(Kind.RPAREN)) {
            take();
            return List.of();
        }
        while (true) {
            arguments.add(expression());
            Token token = peek();
            if (token.is(Kind.COMMA)) {
                take();
            } else if (token.is(Kind.RPAREN)) {
                take();
                return List.copyOf(arguments);
            } else {
                throw unexpected(token, "',' or ')' to close the '(' at column " + open.column());
            }
        }
    }

    private Syntax primary() {
        Token token = peek();
        switch (token.kind()) {
            case NUMBER, STRING -> {
                take();
                return new Syntax.Literal(token.value(), token.start(), token.end());
            }
            case LPAREN -> {
                take();
                Syntax inner = expression();
                expect(Kind.RPAREN, "')' to close the '(' at column " + token.column());
                return new Syntax.Group(inner, token.start(), previous().end());
            }
            case HASH -> {
                return variable();
            }
            case IDENTIFIER -> {
                return word();
            }
            case LBRACKET -> throw new ExpressionException(
                    "indexing '[...]' needs something to index, e.g. #list[0] or #map['key']", token.column());
            default -> throw unexpected(token, "an operand: a variable such as #p0, a literal or '('");
        }
    }

    private Syntax variable() {
        Token hash = take();
        Token name = peek();
        if (!name.is(Kind.IDENTIFIER) || name.start() != hash.end()) {
            throw new ExpressionException("expected a variable name right after '#', e.g. #p0 or #name", hash.column());
        }
        take();
        if (peek().is(Kind.LPAREN)) {
            throw new ExpressionException("function calls '#" + name.text() + "(...)' are not supported", hash.column());
        }
        variables.add(name.text());
        return new Syntax.Variable(name.text(), hash.start(), name.end());
    }

    /** A bare word in operand position: a literal keyword, or a construct the language leaves out. */
    private Syntax word() {
        Token word = take();
        String lower = word.text().toLowerCase(Locale.ROOT);
        switch (lower) {
            case "true", "false" -> {
                return new Syntax.Literal(Boolean.valueOf(lower), word.start(), word.end());
            }
            case "null" -> {
                return new Syntax.Literal(null, word.start(), word.end());
            }
            case "new" -> throw new ExpressionException(
                    "constructor calls 'new ...' are not supported: expressions may use only the values at hand", word.column());
            default -> { }
        }
        if (peek().is(Kind.LPAREN)) {
            if (word.text().equals("T")) {
                throw new ExpressionException(
                        "type references 'T(...)' are not supported: expressions may use only the values at hand", word.column());
            }
            throw new ExpressionException("method call '" + word.text() + "(...)' has no target: call it on a value, e.g. #p0."
                    + word.text() + "(...)", word.column());
        }
        if (isOperatorWord(lower)) {
            throw unexpected(word, "an operand: a variable such as #p0, a literal or '('");
        }
        throw new ExpressionException("unknown name '" + word.text() + "': variables start with '#' (#" + word.text()
                + "), text is quoted ('" + word.text() + "')", word.column());
    }

    private static boolean isOperatorWord(String lower) {
        return switch (lower) {
            case "and", "or", "eq", "ne", "lt", "le", "gt", "ge", "div", "mod", "matches", "instanceof", "between" -> true;
            default -> false;
        };
    }

    private void expect(Kind kind, String what) {
        Token token = peek();
        if (!token.is(kind)) {
            throw unexpected(token, what);
        }
        take();
    }

    /** "expected X but found Y", or the name of the unsupported construct Y starts. */
    private ExpressionException unexpected(Token found, String expected) {
        String lower = found.kind() == Kind.IDENTIFIER ? found.text().toLowerCase(Locale.ROOT) : "";
        String message = switch (lower) {
            case "matches" -> "the regular expression operator 'matches' is not supported";
            case "instanceof" -> "the 'instanceof' operator is not supported";
            case "between" -> "the 'between' operator is not supported";
            default -> "expected " + expected + " but found " + found.describe();
        };
        return new ExpressionException(message, found.column());
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ExpressionException("expression nested too deeply (more than " + MAX_DEPTH + " levels)", peek().column());
        }
    }

    private Token peek() {
        return current;
    }

    private Token previous() {
        return previous;
    }

    private Token take() {
        previous = current;
        current = lexer.next();
        if (++tokens > MAX_TOKENS) {
            throw new ExpressionException("expression too long: at most " + MAX_TOKENS
                    + " names, literals and operators; move the logic into the application", current.column());
        }
        return previous;
    }
}
