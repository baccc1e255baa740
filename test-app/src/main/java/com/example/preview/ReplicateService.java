package com.example.preview;

import com.example.provider.ProviderClient;

/** Client of the image-to-image model provider ({@code POST /v1/image-to-image}). */
public class ReplicateService {

    private final ProviderClient provider;

    public ReplicateService(ProviderClient provider) {
        this.provider = provider;
    }

    /** The request body of {@code /v1/image-to-image}. */
    record ImageToImageRequest(String image, String prompt, String aspectRatio, String quality) {}

    /**
     * Re-renders an image following a prompt.
     *
     * @throws com.example.provider.ProviderException when the provider fails
     */
    public ImageResult generateImageToImage(String imageUrl, String prompt, String aspectRatio, String quality) {
        return provider.post("/v1/image-to-image",
                new ImageToImageRequest(imageUrl, prompt, aspectRatio, quality), ImageResult.class);
    }
}
