package com.example.preview;

/** Renders style previews of users' photos: the service's request entry point. */
public class PreviewService {

    private final StylePromptService stylePrompts;
    private final ReplicateService replicate;

    public PreviewService(StylePromptService stylePrompts, ReplicateService replicate) {
        this.stylePrompts = stylePrompts;
        this.replicate = replicate;
    }

    /** Handles one preview request from a user. */
    public Preview handlePreview(PreviewRequest request) {
        // a plain self-call, on purpose: a proxy-based cache around renderPreview would never see it
        return this.renderPreview(request.imageUrl(), request.style(), request.aspectRatio(), request.quality());
    }

    /** Renders {@code imageUrl} in {@code style}: fetches the style's prompt, then asks the provider to render. */
    public Preview renderPreview(String imageUrl, String style, String aspectRatio, String quality) {
        String prompt = stylePrompts.getStylePrompt(style);
        ImageResult image = replicate.generateImageToImage(imageUrl, prompt, aspectRatio, quality);
        return new Preview(imageUrl, style, !prompt.isEmpty(), image);
    }
}
