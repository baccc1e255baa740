package com.example.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.db.Database;
import com.example.db.TestDatabases;
import com.example.provider.ProviderClient;
import com.example.provider.ProviderStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PreviewServiceTest {

    private static final String PHOTO = "https://uploads.example.com/photos/user-1.jpg";

    private final Database database = TestDatabases.fresh();
    private final ProviderStub provider = ProviderStub.start(0, Duration.ZERO);
    private final StylePromptService stylePrompts = new StylePromptService(database);
    private final ReplicateService replicate = new ReplicateService(new ProviderClient(provider.uri()));
    private final PreviewService service = new PreviewService(stylePrompts, replicate);

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void handlePreview_fetchesThePromptOnceAndCallsTheProviderOnce() {
        service.handlePreview(new PreviewRequest(PHOTO, "neon-noir", null, null));

        assertThat(database.queryCount()).isEqualTo(1);
        assertThat(provider.calls()).isEqualTo(1);
    }

    @Test
    void handlePreview_returnsTheProvidersImageOfTheStyledPhoto() {
        Preview preview = service.handlePreview(new PreviewRequest(PHOTO, "neon-noir", "1:1", "standard"));

        assertThat(preview.styled()).isTrue();
        assertThat(preview.image()).isEqualTo(replicate.generateImageToImage(PHOTO,
                stylePrompts.getStylePrompt("neon-noir"), "1:1", "standard"));
    }

    @Test
    void handlePreview_styleWithoutPrompt_rendersThePhotoUnstyled() {
        Preview preview = service.handlePreview(new PreviewRequest(PHOTO, "original", null, null));

        assertThat(preview.styled()).isFalse();
    }

    @Test
    void handlePreview_callsRenderPreviewOnTheSameObject() {
        List<String> rendered = new ArrayList<>();
        PreviewService observed = new PreviewService(stylePrompts, replicate) {
            @Override
            public Preview renderPreview(String imageUrl, String style, String aspectRatio, String quality) {
                rendered.add(style + "|" + aspectRatio + "|" + quality);
                return super.renderPreview(imageUrl, style, aspectRatio, quality);
            }
        };

        observed.handlePreview(new PreviewRequest(PHOTO, "pop-art", "16:9", "hd"));

        assertThat(rendered).containsExactly("pop-art|16:9|hd");
    }

    @Test
    void renderPreview_sizesTheImageByAspectRatio() {
        Preview preview = service.renderPreview(PHOTO, "pop-art", "16:9", "standard");

        assertThat(preview.image().width()).isEqualTo(1024);
        assertThat(preview.image().height()).isEqualTo(576);
    }

    @Test
    void previewRequest_withoutAspectRatioOrQuality_usesTheDefaults() {
        PreviewRequest request = new PreviewRequest(PHOTO, "pop-art", null, null);

        assertThat(request.aspectRatio()).isEqualTo("1:1");
        assertThat(request.quality()).isEqualTo("standard");
    }

    @Test
    void previewRequest_withoutImage_isRejected() {
        assertThatThrownBy(() -> new PreviewRequest(" ", "pop-art", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("imageUrl");
    }
}
