package dev.cacheagent.config;

/** An expression as written in the rule file, with where it was written (for error messages). */
public record ExpressionText(String source, Position position) {}
