package com.example.app;

/** The kinds of work the demo mixes, each named as it appears in the demo summary. */
enum Workload {
    PREVIEW("preview"),
    IMAGES("images"),
    SCENE_READS("sceneReads"),
    SCENE_LISTS("sceneLists"),
    SCENE_UPDATES("sceneUpdates"),
    DECISIONS("decisions"),
    BUILDS("builds"),
    LLM("llm"),
    SYSTEM_PROMPT("systemPrompt");

    private final String summaryName;

    Workload(String summaryName) {
        this.summaryName = summaryName;
    }

    String summaryName() {
        return summaryName;
    }
}
