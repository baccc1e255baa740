package com.example.preview;

import java.io.Serializable;

/**
 * A rendered style preview.
 *
 * @param imageUrl the photo that was restyled
 * @param style    the style as requested
 * @param styled   false when the style had no prompt (unknown or empty) and the photo was rendered as it is
 * @param image    the rendered preview
 */
public record Preview(String imageUrl, String style, boolean styled, ImageResult image) implements Serializable {}
