package dev.cacheagent.expression;

import java.util.List;
import java.util.Set;

/**
 * A parsed expression. Immutable and thread-safe.
 *
 * <p>Parsing checks syntax only; {@link #resolve} binds the variables to one method's parameters.
 */
public final class Expression {

    /**
     * Parses an expression.
     *
     * @throws ExpressionException a syntax error, with the 1-based column where it was found
     */
    public static Expression parse(String source) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The text this expression was parsed from. */
    public String source() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The variables it names, without {@code #}: e.g. {@code styleName}, {@code p0}, {@code result}. */
    public Set<String> variables() {
        throw new UnsupportedOperationException("not yet implemented");
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
        throw new UnsupportedOperationException("not yet implemented");
    }
}
