package com.example.build;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds UI components from their specs. A build takes about {@code buildDelay}: a stand-in for a real compiler.
 */
public class ComponentBuilder {

    private final Duration buildDelay;
    private final AtomicLong builds = new AtomicLong();

    /** @param buildDelay how long each build takes; {@link Duration#ZERO} for none */
    public ComponentBuilder(Duration buildDelay) {
        if (buildDelay.isNegative()) {
            throw new IllegalArgumentException("build delay must not be negative, got " + buildDelay);
        }
        this.buildDelay = buildDelay;
    }

    /**
     * Builds one component.
     *
     * @return a failed result ({@code success=false}) when the spec contains {@code error}
     * @throws BuildException when the spec contains {@code crash}
     * @throws IllegalArgumentException when the component id or the spec is null
     */
    public BuildResult build(String componentId, String spec) {
        if (componentId == null || spec == null) {
            throw new IllegalArgumentException("a build needs a component id and a spec");
        }
        builds.incrementAndGet();
        work();
        if (spec.contains("crash")) {
            throw new BuildException("builder crashed on component " + componentId + ": unexpected token in spec");
        }
        if (spec.contains("error")) {
            return new BuildResult(componentId, false,
                    "FAILED " + componentId + ": line " + (spec.indexOf("error") + 1) + ": the spec reports an error");
        }
        long lines = spec.lines().count();
        return new BuildResult(componentId, true, "built " + componentId + " from " + lines + " line"
                + (lines == 1 ? "" : "s") + " of spec, bundle " + Integer.toHexString(spec.hashCode()));
    }

    /** How many builds have been started, crashed ones included. */
    public long buildCount() {
        return builds.get();
    }

    private void work() {
        if (buildDelay.isZero()) {
            return;
        }
        try {
            Thread.sleep(buildDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
