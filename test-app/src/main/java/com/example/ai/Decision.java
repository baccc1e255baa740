package com.example.ai;

import java.io.Serializable;

/**
 * What the model decided.
 *
 * @param action     such as {@code approve}, {@code revise}, {@code regenerate} or {@code escalate}
 * @param confidence between 0 and 1
 * @param rationale  a short explanation
 */
public record Decision(String action, double confidence, String rationale) implements Serializable {}
