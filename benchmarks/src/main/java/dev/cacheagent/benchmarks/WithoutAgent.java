package dev.cacheagent.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link StylePromptCalls} in a JVM without the agent: every benchmark is the bare method. */
@Fork(2)
public class WithoutAgent extends StylePromptCalls {
    @Override
    boolean agentAttached() {
        return false;
    }
}
