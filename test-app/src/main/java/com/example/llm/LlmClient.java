package com.example.llm;

import com.example.provider.ProviderClient;
import java.util.List;

/** Client of the chat-completion provider ({@code POST /v1/chat}). */
public class LlmClient {

    private final ProviderClient provider;

    public LlmClient(ProviderClient provider) {
        this.provider = provider;
    }

    /** The request body of {@code /v1/chat}. */
    record ChatRequest(String model, List<ChatMessage> messages, double temperature, int maxTokens,
                       String requestId) {}

    /**
     * Completes a conversation. The reply depends on the model, the messages, the temperature and the token limit;
     * {@code requestId} is for tracing only.
     *
     * @throws IllegalArgumentException when the model or messages are missing or {@code maxTokens} is not positive
     * @throws com.example.provider.ProviderException when the provider fails
     */
    public ChatResponse complete(String model, List<ChatMessage> messages, double temperature, int maxTokens,
                                 String requestId) {
        if (model == null || messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a completion needs a model and at least one message");
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive, got " + maxTokens);
        }
        return provider.post("/v1/chat", new ChatRequest(model, messages, temperature, maxTokens, requestId),
                ChatResponse.class);
    }
}
