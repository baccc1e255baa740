package dev.cacheagent.benchmarks;

/** JVM options of the benchmark forks. */
final class Forks {
    /** Attaches the agent as a user does, with the rule file of the benchmarks. */
    static final String WITH_AGENT =
            "-javaagent:" + BuildPaths.AGENT_JAR + "=" + BuildPaths.RULES_DIR + "/agent-benchmarks.yaml";

    /** Attaches the agent with the rule file of the Redis-tier benchmarks. */
    static final String WITH_AGENT_AND_REDIS =
            "-javaagent:" + BuildPaths.AGENT_JAR + "=" + BuildPaths.RULES_DIR + "/redis-benchmarks.yaml";

    private Forks() {}
}
