package dev.cacheagent.benchmarks;

/**
 * Where the build found the agent jar and the benchmarks' rule files. Filled in by Maven at build time because a
 * JMH {@code @Fork} takes constants only: override with {@code mvn -Dagent.jar=... -Dbenchmark.rules=...}.
 */
final class BuildPaths {
    /** The agent jar the benchmark forks attach with {@code -javaagent}. */
    static final String AGENT_JAR = "${agent.jar}";

    /** The folder of the rule files the agent is attached with. */
    static final String RULES_DIR = "${benchmark.rules}";

    private BuildPaths() {}
}
