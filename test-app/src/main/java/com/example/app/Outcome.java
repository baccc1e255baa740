package com.example.app;

/** How one step of the demo ended. */
enum Outcome {
    /** The call answered normally. */
    OK("ok"),
    /** A component build ran and reported {@code success=false}: an expected result, not an error. */
    FAILED("failed"),
    /** The scripted build crash: the builder threw, as the script expects once. */
    CRASHED("crashed"),
    /** Anything unexpected threw: counted in the summary's {@code errors}. */
    ERROR("errors");

    private final String summaryName;

    Outcome(String summaryName) {
        this.summaryName = summaryName;
    }

    String summaryName() {
        return summaryName;
    }
}
