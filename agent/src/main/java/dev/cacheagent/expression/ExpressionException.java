package dev.cacheagent.expression;

/** An expression that cannot be parsed or bound: what is wrong and at which 1-based column. */
public final class ExpressionException extends RuntimeException {
    private final int column;

    public ExpressionException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** 1-based column in the expression's text; 0 when the problem is not at one place. */
    public int column() {
        return column;
    }
}
