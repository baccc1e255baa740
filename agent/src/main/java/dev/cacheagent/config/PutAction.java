package dev.cacheagent.config;

/** One entry of a rule's {@code put:} list: after a normal return, store {@code value} under {@code key}. */
public record PutAction(String cache, ExpressionText key, ExpressionText value, Position position) {}
