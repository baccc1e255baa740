package com.example.prompts;

/** A preview request as test-app receives it: the key of rule {@code record-fields-key} is made of three of these. */
public record PreviewRequest(String image, String style, String aspectRatio, String quality) {}
