package dev.cacheagent.benchmarks.drivers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The requests of the end-to-end load, drawn like test-app's demo: preview requests over a Zipf spread of styles
 * and photos (some styles typed with capitals or stray spaces), style-prompt reads, and, if asked for, image
 * generations over a Zipf spread of prompts. Immutable; each load thread brings its own random source.
 *
 * <p>By default the load is the prompt pre-warm sample's own traffic (previews and prompt reads, 70/30), the
 * traffic that sample is written for; image generations ({@code /images}) are the image-generation sample's and
 * are mixed in only when a share is given.
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
    private final int previewShare;
    private final int promptShare;

    private final ZipfSampler styles = new ZipfSampler(STYLES.size(), 1.1);
    private final ZipfSampler photos = new ZipfSampler(PHOTOS, 1.2);
    private final ZipfSampler imagePrompts = new ZipfSampler(IMAGE_PROMPTS.size(), 1.1);

    /** The prompt sample's traffic: 70% previews, 30% style-prompt reads, no image generations. */
    Workload() {
        this(0);
    }

    /**
     * @param imagePercent the share of image generations, 0–100; the rest is split 70/30 between previews and
     *     style-prompt reads
     */
    Workload(int imagePercent) {
        if (imagePercent < 0 || imagePercent > 100) {
            throw new IllegalArgumentException("the share of image generations is a percentage, 0 to 100; got "
                    + imagePercent);
        }
        int rest = 100 - imagePercent;
        this.previewShare = Math.round(rest * 0.7f);
        this.promptShare = rest - previewShare;
    }

    Request next(SplittableRandom random) {
        int share = random.nextInt(100);
        if (share < previewShare) {
            String photo = "https://uploads.example.com/photos/user-" + (photos.next(random) + 1) + ".jpg";
            return new Request(Kind.PREVIEW, "/preview?image=" + encode(photo)
                    + "&style=" + encode(asTyped(STYLES.get(styles.next(random)), random))
                    + "&aspect=" + encode(random.nextInt(4) == 0 ? "16:9" : "1:1")
                    + "&quality=" + (random.nextInt(5) == 0 ? "hd" : "standard"));
        }
        if (share < previewShare + promptShare) {
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
