package com.example.llm;

import java.io.Serializable;

/** The model's reply. @param tokens how many tokens the reply used */
public record ChatResponse(String model, String content, int tokens) implements Serializable {}
