package com.example.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.provider.ProviderClient;
import com.example.provider.ProviderStub;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LlmClientTest {

    private static final List<ChatMessage> MESSAGES = List.of(
            new ChatMessage("system", "You write short scene descriptions."),
            new ChatMessage("user", "Describe a lighthouse at dusk."));

    private final ProviderStub provider = ProviderStub.start(0, Duration.ZERO);
    private final LlmClient client = new LlmClient(new ProviderClient(provider.uri()));

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void complete_answerIsIndependentOfRequestId() {
        assertThat(client.complete("chat-small", MESSAGES, 0.2, 256, "req-1"))
                .isEqualTo(client.complete("chat-small", MESSAGES, 0.2, 256, "req-2"));
    }

    @Test
    void complete_anotherTemperature_anotherAnswer() {
        assertThat(client.complete("chat-small", MESSAGES, 0.2, 256, "req-1"))
                .isNotEqualTo(client.complete("chat-small", MESSAGES, 0.9, 256, "req-1"));
    }

    @Test
    void complete_repliesToTheLastMessageWithinTheTokenLimit() {
        ChatResponse response = client.complete("chat-small", MESSAGES, 0.2, 10, "req-1");

        assertThat(response.model()).isEqualTo("chat-small");
        assertThat(response.content()).contains("Describe a lighthouse at dusk.");
        assertThat(response.tokens()).isBetween(1, 10);
    }

    @Test
    void complete_withoutMessages_isRejectedWithoutCallingTheProvider() {
        assertThatThrownBy(() -> client.complete("chat-small", List.of(), 0.2, 256, "req-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(provider.calls()).isZero();
    }
}
