package dev.cacheagent.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link StylePromptCalls} in a JVM started with {@code -javaagent:cache-agent.jar=agent-benchmarks.yaml}. */
@Fork(value = 2, jvmArgsAppend = Forks.WITH_AGENT)
public class WithAgent extends StylePromptCalls {
    @Override
    boolean agentAttached() {
        return true;
    }
}
