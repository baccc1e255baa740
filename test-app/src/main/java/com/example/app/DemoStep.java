package com.example.app;

/** One call of the scripted demo workload. */
record DemoStep(Workload workload, Action action) {

    /** The call itself, made against the wired services. */
    @FunctionalInterface
    interface Action {
        Outcome run(Services services);
    }
}
