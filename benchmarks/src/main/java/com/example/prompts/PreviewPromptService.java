package com.example.prompts;

import java.util.concurrent.atomic.LongAdder;

/** The prompt a preview request renders with: a method whose argument is a record. */
public class PreviewPromptService {
    private final LongAdder originCalls = new LongAdder();

    /** Rule {@code record-fields-key}: key {@code #request.image + '|' + #request.style + '|' + #request.quality}. */
    public String getPreviewPrompt(PreviewRequest request) {
        originCalls.increment();
        return StylePrompts.lookup(request.style()) + ", " + request.quality() + " quality";
    }

    /** How many calls ran the origin, over all threads. */
    public long originCalls() {
        return originCalls.sum();
    }
}
