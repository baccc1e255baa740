package com.example.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderStubTest {

    private final ProviderStub stub = ProviderStub.start(0, Duration.ZERO);
    private final ProviderClient client = new ProviderClient(stub.uri());

    private static final Map<String, Object> IMAGE_REQUEST =
            Map.of("prompt", "a fox", "width", 640, "height", 480, "format", "png");

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void calls_countsEveryProviderCall() {
        client.post("/v1/images", IMAGE_REQUEST, Map.class);
        client.post("/v1/decide", Map.of("prompt", "p", "locale", "en-US", "sceneType", "action"), Map.class);

        assertThat(stub.calls()).isEqualTo(2);
    }

    @Test
    void statsEndpoint_reportsTheCallCount() {
        client.post("/v1/images", IMAGE_REQUEST, Map.class);

        assertThat(client.providerCalls()).isEqualTo(1);
    }

    @Test
    void answers_areTheSameForTheSameRequest() {
        Map<?, ?> first = client.post("/v1/images", IMAGE_REQUEST, Map.class);
        Map<?, ?> second = client.post("/v1/images", IMAGE_REQUEST, Map.class);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void imageToImage_sizesTheImageByAspectRatioAndQuality() {
        Map<?, ?> answer = client.post("/v1/image-to-image",
                Map.of("image", "https://x/a.jpg", "prompt", "", "aspectRatio", "16:9", "quality", "standard"),
                Map.class);

        assertThat(answer.get("width")).isEqualTo(1024);
        assertThat(answer.get("height")).isEqualTo(576);
    }

    @Test
    void setFailing_makesProviderEndpointsAnswer503() {
        stub.setFailing(true);

        assertThatThrownBy(() -> client.post("/v1/images", IMAGE_REQUEST, Map.class))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void setFailing_failedCallsAreStillCounted() {
        stub.setFailing(true);

        assertThatThrownBy(() -> client.post("/v1/images", IMAGE_REQUEST, Map.class));
        assertThat(stub.calls()).isEqualTo(1);
    }

    @Test
    void adminFailEndpoint_switchesFailureOn() {
        client.post("/admin/fail", Map.of("on", true), Map.class);

        assertThatThrownBy(() -> client.post("/v1/images", IMAGE_REQUEST, Map.class))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void adminFailEndpoint_switchesFailureOff() {
        stub.setFailing(true);

        client.post("/admin/fail", Map.of("on", false), Map.class);

        assertThat(client.post("/v1/images", IMAGE_REQUEST, Map.class)).containsKey("url");
    }

    @Test
    void requestWithoutARequiredField_answers400NamingTheField() {
        assertThatThrownBy(() -> client.post("/v1/images", Map.of("prompt", "a fox"), Map.class))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("width");
    }

    @Test
    void unknownEndpoint_answers404() {
        assertThatThrownBy(() -> client.post("/v1/nothing", Map.of(), Map.class))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void client_whenTheProviderIsDown_throwsProviderExceptionWithoutStatus() {
        stub.close();

        assertThatThrownBy(() -> client.post("/v1/images", IMAGE_REQUEST, Map.class))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.status()).isEqualTo(ProviderException.NO_RESPONSE));
    }
}
