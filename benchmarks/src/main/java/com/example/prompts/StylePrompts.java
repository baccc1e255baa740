package com.example.prompts;

import java.util.Map;

/** The prompt table every service here reads: the lookup test-app does against its database, without the I/O. */
final class StylePrompts {
    private static final Map<String, String> PROMPTS = Map.ofEntries(
            Map.entry("neon-noir", "rain-slicked streets under neon signs, deep shadows, cinematic"),
            Map.entry("classic-oil-painting", "thick brushstrokes, warm varnish, museum lighting"),
            Map.entry("watercolor-dreams", "soft washes of colour bleeding into wet paper"),
            Map.entry("pixel-art", "16-bit palette, crisp pixels, limited colours"),
            Map.entry("studio-portrait", "softbox key light, shallow depth of field"),
            Map.entry("anime", "cel shading, bold outlines, expressive eyes"),
            Map.entry("blueprint", "white lines on cyan paper, technical annotations"),
            Map.entry("vaporwave", "pastel gradients, greek busts, retro computer graphics"),
            Map.entry("charcoal-sketch", "smudged charcoal on rough paper, loose gestures"),
            Map.entry("isometric", "isometric projection, clean geometry, soft shadows"),
            Map.entry("film-noir", "black and white, venetian blind shadows, high contrast"),
            Map.entry("low-poly", "flat-shaded polygons, minimal geometry"));

    private StylePrompts() {}

    /** The prompt of a style, its name trimmed and lower-cased as test-app does; {@code ""} when unknown. */
    static String lookup(String styleName) {
        return PROMPTS.getOrDefault(styleName.trim().toLowerCase(), "");
    }
}
