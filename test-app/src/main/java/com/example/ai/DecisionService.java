package com.example.ai;

import com.example.provider.ProviderClient;

/** Asks the decision model ({@code POST /v1/decide}) what to do with a scene. */
public class DecisionService {

    private final ProviderClient provider;

    public DecisionService(ProviderClient provider) {
        this.provider = provider;
    }

    /** The request body of {@code /v1/decide}: the prompt and the whole context, tracing fields included. */
    record DecideRequest(String prompt, String userId, String locale, String sceneType, String requestId,
                         long timestamp) {}

    /**
     * Decides on a prompt. The answer depends only on the prompt and the context's locale and scene type.
     *
     * @throws IllegalArgumentException when the prompt or the context is null
     * @throws com.example.provider.ProviderException when the provider fails
     */
    public Decision decide(String prompt, DecisionContext context) {
        if (prompt == null || context == null) {
            throw new IllegalArgumentException("a decision needs a prompt and a context");
        }
        return provider.post("/v1/decide", new DecideRequest(prompt, context.userId(), context.locale(),
                context.sceneType(), context.requestId(), context.timestamp()), Decision.class);
    }
}
