package com.example.images;

import com.example.preview.ImageResult;
import com.example.provider.ProviderClient;

/** Generates images from text prompts with the image provider ({@code POST /v1/images}). */
public class ImageService {

    private final ProviderClient provider;

    public ImageService(ProviderClient provider) {
        this.provider = provider;
    }

    /** The request body of {@code /v1/images}. */
    record GenerateRequest(String prompt, int width, int height, String format) {}

    /**
     * Generates one image.
     *
     * @param format such as {@code png}, {@code webp} or {@code jpeg}
     * @throws IllegalArgumentException when the prompt or format is null or the size is not positive
     * @throws com.example.provider.ProviderException when the provider fails
     */
    public ImageResult generate(String prompt, int width, int height, String format) {
        if (prompt == null || format == null) {
            throw new IllegalArgumentException("an image needs a prompt and a format such as png");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        return provider.post("/v1/images", new GenerateRequest(prompt, width, height, format), ImageResult.class);
    }
}
