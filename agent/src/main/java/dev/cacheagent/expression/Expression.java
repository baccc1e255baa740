package dev.cacheagent.expression;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed expression. Immutable and thread-safe.
 *
 * <p>Parsing checks syntax only; {@link #resolve} binds the variables to one method's parameters.
 */
public final class Expression {
    private final String source;
    private final Syntax root;
    private final Set<String> variables;

    private Expression(String source, Syntax root, Set<String> variables) {
        this.source = source;
        this.root = root;
        this.variables = variables;
    }

    /**
     * Parses an expression.
     *
     * @throws ExpressionException a syntax error, with the 1-based column where it was found
     */
    public static Expression parse(String source) {
        Objects.requireNonNull(source, "source");
        Parser.Result parsed = Parser.parse(source);
        return new Expression(source, parsed.root(), parsed.variables());
    }

    /** The text this expression was parsed from. */
    public String source() {
        return source;
    }

    /** The variables it names, without {@code #}: e.g. {@code styleName}, {@code p0}, {@code result}. */
    public Set<String> variables() {
        return variables;
    }

    /**
     * Binds this expression to one method.
     *
     * @param parameterNames the method's parameter names, in order; an entry is {@code null} where the
     *     class file does not carry the name
     * @param resultAllowed whether {@code #result} may be used (after the call only)
     * @throws ExpressionException a variable the method does not have, or {@code #result} where it is
     *     not allowed; the message names the variables that are available
     */
    public Evaluator resolve(List<String> parameterNames, boolean resultAllowed) {
        Objects.requireNonNull(parameterNames, "parameterNames");
        return new BoundExpression(source, root.bind(new Binder(source, parameterNames, resultAllowed)));
    }

    /**
     * Parses, binds and evaluates a sample key expression a few times, so that the classes and call links a
     * first evaluation needs are made by the calling thread (one of the agent's, while the application starts)
     * and not by the application's thread on its first cached call. A failure only means that call pays for it.
     */
    public static void warmUp() {
        try {
            Evaluator key = parse("#p0.trim().toLowerCase() + ':' + #p1").resolve(List.of("p0", "p1"), false);
            for (int i = 0; i < 3; i++) {
                key.evaluate(null, " Warm-Up ", i, null, null, null);
            }
        } catch (RuntimeException | LinkageError e) {
            // Nothing to do: the first evaluation of a rule's expression does this work instead.
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
