package com.example.llm;

import java.io.Serializable;

/** One message of a conversation. @param role {@code system}, {@code user} or {@code assistant} */
public record ChatMessage(String role, String content) implements Serializable {}
