package com.example.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.preview.ImageResult;
import com.example.provider.ProviderClient;
import com.example.provider.ProviderStub;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageServiceTest {

    private final ProviderStub provider = ProviderStub.start(0, Duration.ZERO);
    private final ImageService service = new ImageService(new ProviderClient(provider.uri()));

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void generate_returnsAnImageOfTheRequestedSizeAndFormat() {
        ImageResult image = service.generate("a red fox in fresh snow", 640, 480, "webp");

        assertThat(image.width()).isEqualTo(640);
        assertThat(image.height()).isEqualTo(480);
        assertThat(image.format()).isEqualTo("webp");
        assertThat(image.url()).endsWith(".webp");
    }

    @Test
    void generate_samePromptTwice_sameImage() {
        assertThat(service.generate("a red fox", 512, 512, "png"))
                .isEqualTo(service.generate("a red fox", 512, 512, "png"));
    }

    @Test
    void generate_anotherFormat_anotherImage() {
        assertThat(service.generate("a red fox", 512, 512, "png").url())
                .isNotEqualTo(service.generate("a red fox", 512, 512, "webp").url());
    }

    @Test
    void generate_callsTheProviderEachTime() {
        service.generate("a red fox", 512, 512, "png");
        service.generate("a red fox", 512, 512, "png");

        assertThat(provider.calls()).isEqualTo(2);
    }

    @Test
    void generate_nonPositiveSize_isRejectedWithoutCallingTheProvider() {
        assertThatThrownBy(() -> service.generate("a red fox", 0, 512, "png"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x512");
        assertThat(provider.calls()).isZero();
    }
}
