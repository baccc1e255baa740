package dev.cacheagent.benchmarks.drivers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The requests of the end-to-end load, drawn like test-app's demo: preview requests over a Zipf spread of styles
 * and photos (some styles typed with capitals or stray spaces), style-prompt reads, and image generations over a
 * Zipf spread of prompts. Immutable; each load thread brings its own random source.
 */
final class Workload {
    /** What a request exercises, for per-kind latencies. */
    enum Kind { PREVIEW, PROMPT, IMAGE }

    /** One request: its kind and its path with query. */
    record Request(Kind kind, String path) {}

    static final List<String> STYLES = List.of("neon-noir", "watercolor-dreams", "classic-oil-painting", "pixel-art",
            "pop-art", "original", "ukiyo-e", "vaporwave", "glitter-storm", "art-deco-poster");
    static final List<String> IMAGE_PROMPTS = List.of("a red fox in fresh snow at sunrise",
            "an isometric city block at night", "a bowl of ramen, studio lighting", "a lighthouse at dusk",
            "a watercolor map of an imaginary island", "a robot tending a rooftop garden",
            "a foggy pine forest, morning light", "a vintage travel poster of the moon");
    private static final int PHOTOS = 5;
    /** Out of 100 requests: previews, then style-prompt reads; the rest are image generations. */
    private static final int PREVIEW_SHARE = 60;
    private static final int PROMPT_SHARE = 25;

    private final ZipfSampler styles = new ZipfSampler(STYLES.size(), 1.1);
    private final ZipfSampler photos = new ZipfSampler(PHOTOS, 1.2);
    private final ZipfSampler imagePrompts = new ZipfSampler(IMAGE_PROMPTS.size(), 1.1);

    Request next(SplittableRandom random) {
        int share = random.nextInt(100);
        if (share < PREVIEW_SHARE) {
            String photo = "https://uploads.example.com/photos/user-" + (photos.next(random) + 1) + ".jpg";
            return new Request(Kind.PREVIEW, "/preview?image=" + encode(photo)
                    + "&style=" + encode(asTyped(STYLES.get(styles.next(random)), random))
                    + "&aspect=" + encode(random.nextInt(4) == 0 ? "16:9" : "1:1")
                    + "&quality=" + (random.nextInt(5) == 0 ? "hd" : "standard"));
        }
        if (share < PREVIEW_SHARE + PROMPT_SHARE) {
            return new Request(Kind.PROMPT, "/prompts/" + STYLES.get(styles.next(random)));
        }
        return new Request(Kind.IMAGE, "/images?prompt=" + encode(IMAGE_PROMPTS.get(imagePrompts.next(random)))
                + "&size=1024x1024&format=png");
    }

    /** Mostly as listed; one in ten capitalised, one in ten with stray spaces, as users type. */
    private static String asTyped(String style, SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> Character.toUpperCase(style.charAt(0)) + style.substring(1);
            case 1 -> "  " + style + " ";
            default -> style;
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
