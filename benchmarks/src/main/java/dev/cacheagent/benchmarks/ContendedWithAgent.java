package dev.cacheagent.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link ContendedCalls} in a JVM started with the agent. */
@Fork(value = 2, jvmArgsAppend = Forks.WITH_AGENT)
public class ContendedWithAgent extends ContendedCalls {
    @Override
    boolean agentAttached() {
        return true;
    }
}
