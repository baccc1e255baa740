package com.example.preview;

import java.io.Serializable;

/**
 * A request for a style preview of a photo.
 *
 * @param imageUrl    the user's photo
 * @param style       a style name as the user typed it; case and surrounding spaces do not matter
 * @param aspectRatio such as {@code 1:1} or {@code 16:9}; {@link #DEFAULT_ASPECT_RATIO} when null
 * @param quality     {@code draft}, {@code standard} or {@code hd}; {@link #DEFAULT_QUALITY} when null
 */
public record PreviewRequest(String imageUrl, String style, String aspectRatio, String quality)
        implements Serializable {

    public static final String DEFAULT_ASPECT_RATIO = "1:1";
    public static final String DEFAULT_QUALITY = "standard";

    public PreviewRequest {
        if (imageUrl == null || imageUrl.isBlank()) {
            throw new IllegalArgumentException("a preview needs the URL of the image to restyle (imageUrl)");
        }
        if (style == null) {
            throw new IllegalArgumentException("a preview needs a style name (style)");
        }
        aspectRatio = aspectRatio == null ? DEFAULT_ASPECT_RATIO : aspectRatio;
        quality = quality == null ? DEFAULT_QUALITY : quality;
    }
}
