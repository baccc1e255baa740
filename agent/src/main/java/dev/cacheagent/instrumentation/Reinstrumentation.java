package dev.cacheagent.instrumentation;

import java.util.List;

/**
 * The switch of the transformer to a reloaded rule file, prepared by {@link Instrumenter#prepare}: the
 * new rules, and the loaded classes whose instrumented methods they change.
 */
public final class Reinstrumentation {
    private final Instrumenter instrumenter;
    private final Instrumenter.Plan plan;
    private final List<Class<?>> affected;

    Reinstrumentation(Instrumenter instrumenter, Instrumenter.Plan plan, List<Class<?>> affected) {
        this.instrumenter = instrumenter;
        this.plan = plan;
        this.affected = List.copyOf(affected);
    }

    /** How many loaded classes {@link #retransformAffected()} rewrites. */
    public int affectedClasses() {
        return affected.size();
    }

    /** From now on, classes that load (or are retransformed) get the new rules. */
    public void useNewRules() {
        instrumenter.use(plan);
    }

    /**
     * Retransforms the affected classes with the new rules: methods that a rule no longer applies to
     * get their original code back, newly matched methods are rewritten. Call after {@link #useNewRules()}.
     */
    public void retransformAffected() {
        affected.forEach(instrumenter::retransform);
    }
}
