package com.example.ai;

import java.io.Serializable;

/**
 * Who asks for a decision, and about what. Only {@code locale} and {@code sceneType} change the decision; the
 * other fields are for tracing.
 *
 * @param timestamp when the request was made, epoch milliseconds
 */
public record DecisionContext(String userId, String locale, String sceneType, String requestId, long timestamp)
        implements Serializable {}
