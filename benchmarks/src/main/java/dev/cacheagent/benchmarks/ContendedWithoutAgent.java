package dev.cacheagent.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link ContendedCalls} in a JVM without the agent: the bare method under two threads. */
@Fork(2)
public class ContendedWithoutAgent extends ContendedCalls {
    @Override
    boolean agentAttached() {
        return false;
    }
}
