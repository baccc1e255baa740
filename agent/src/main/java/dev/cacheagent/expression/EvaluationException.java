package dev.cacheagent.expression;

/** An expression that failed while being evaluated for one call. */
public final class EvaluationException extends RuntimeException {
    public EvaluationException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
