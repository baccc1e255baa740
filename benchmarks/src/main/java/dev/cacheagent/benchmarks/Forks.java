package dev.cacheagent.benchmarks;

/** JVM options of the benchmark forks. */
final class Forks {
    /** Attaches the agent as a user does, with the rule file of the benchmarks. */
    static final String WITH_AGENT =
            "-javaagent:" + BuildPaths.AGENT_JAR + "=" + BuildPaths.RULES_DIR + "/agent-benchmarks.yaml";

    private Forks() {}
}
