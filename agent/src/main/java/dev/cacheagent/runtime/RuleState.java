package dev.cacheagent.runtime;

import dev.cacheagent.config.Rule;
import dev.cacheagent.observe.RuleMetrics;

/** A rule's state shared by every method it applies to: its metrics and its runtime on/off switch. */
final class RuleState {
    private final Rule rule;
    private final RuleMetrics metrics;
    private volatile boolean enabled = true;

    RuleState(Rule rule, RuleMetrics metrics) {
        this.rule = rule;
        this.metrics = metrics;
    }

    Rule rule() {
        return rule;
    }

    String name() {
        return rule.name();
    }

    RuleMetrics metrics() {
        return metrics;
    }

    boolean enabled() {
        return enabled;
    }

    void enable(boolean on) {
        enabled = on;
    }
}
