package com.example.app;

import com.example.ai.DecisionService;
import com.example.build.ComponentBuilder;
import com.example.db.Database;
import com.example.gate.Gates;
import com.example.images.ImageService;
import com.example.llm.LlmClient;
import com.example.preview.PreviewService;
import com.example.preview.ReplicateService;
import com.example.preview.StylePromptService;
import com.example.provider.ProviderClient;
import com.example.provider.ProviderStub;
import com.example.scenes.SceneService;
import com.example.system.SystemPromptService;
import java.util.Optional;

/**
 * The application's objects, wired once from its settings: the database, the provider (the in-process stub unless
 * {@code PROVIDER_URL} names another) and every service on top of them, and the gates tests hold calls at.
 */
record Services(Database database, Optional<ProviderStub> providerStub, ProviderClient provider,
                StylePromptService stylePrompts, PreviewService previews, SceneService scenes,
                DecisionService decisions, ComponentBuilder builder, SystemPromptService systemPrompt,
                ImageService images, LlmClient llm, Gates gates) implements AutoCloseable {

    static Services start(AppSettings settings) {
        Database database = new Database(settings.dbUrl(), settings.dbUser().orElse(null),
                settings.dbPassword().orElse(null), settings.dbDelay());
        Optional<ProviderStub> stub = settings.providerUrl().isPresent()
                ? Optional.empty()
                : Optional.of(ProviderStub.start(0, settings.providerDelay()));
        ProviderClient provider = new ProviderClient(settings.providerUrl().orElseGet(() -> stub.get().uri()));
        StylePromptService stylePrompts = new StylePromptService(database);
        Gates gates = new Gates();
        return new Services(database, stub, provider,
                stylePrompts,
                new PreviewService(stylePrompts, new ReplicateService(provider)),
                new SceneService(database),
                new DecisionService(provider),
                new ComponentBuilder(settings.buildDelay()),
                new SystemPromptService(database, gates),
                new ImageService(provider),
                new LlmClient(provider),
                gates);
    }

    long dbQueries() {
        return database.queryCount();
    }

    long promptQueries() {
        return stylePrompts.queryCount();
    }

    /** Calls the provider received: counted in-process, or asked of an external provider. */
    long providerCalls() {
        return providerStub.map(ProviderStub::calls).orElseGet(provider::providerCalls);
    }

    long builds() {
        return builder.buildCount();
    }

    @Override
    public void close() {
        providerStub.ifPresent(ProviderStub::close);
        database.close();
    }
}
