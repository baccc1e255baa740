package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestAppDemoTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new TestApp(TestSettings.fast(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private List<String> outLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private JsonNode summary() throws Exception {
        List<String> lines = outLines();
        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith("DEMO_SUMMARY {");
        return new ObjectMapper().readTree(last.substring("DEMO_SUMMARY ".length()));
    }

    private static long calls(JsonNode summary, String workload) {
        return summary.get("workloads").get(workload).get("calls").asLong();
    }

    @Test
    void demo_exitsZero() {
        assertThat(run("demo", "--requests", "20")).isZero();
    }

    @Test
    void demo_lastLineIsAParseableSummaryWithEveryKey() throws Exception {
        run("demo", "--requests", "20");

        assertThat(summary().fieldNames()).toIterable().contains("requests", "p50Ms", "p95Ms", "p99Ms",
                "dbQueries", "providerCalls", "builds", "errors", "workloads");
    }

    @Test
    void demo_summaryCountsTheRequestsAndNoErrors() throws Exception {
        run("demo", "--requests", "20");

        JsonNode summary = summary();
        assertThat(summary.get("requests").asInt()).isEqualTo(20);
        assertThat(summary.get("errors").asInt()).isZero();
    }

    @Test
    void demo_databaseQueriesMatchTheCallsThatQuery() throws Exception {
        run("demo", "--requests", "40");

        JsonNode summary = summary();
        long expected = calls(summary, "preview") + calls(summary, "sceneReads") + calls(summary, "sceneLists")
                + 2 * calls(summary, "sceneUpdates") + calls(summary, "systemPrompt");
        assertThat(summary.get("dbQueries").asLong()).isEqualTo(expected);
    }

    @Test
    void demo_providerCallsMatchTheCallsThatReachTheProvider() throws Exception {
        run("demo", "--requests", "40");

        JsonNode summary = summary();
        long expected = calls(summary, "preview") + calls(summary, "images") + calls(summary, "decisions")
                + calls(summary, "llm");
        assertThat(summary.get("providerCalls").asLong()).isEqualTo(expected);
    }

    @Test
    void demo_buildsIncludeOneScriptedCrashAndSomeFailures() throws Exception {
        run("demo", "--requests", "40");

        JsonNode builds = summary().get("workloads").get("builds");
        assertThat(builds.get("crashed").asInt()).isEqualTo(1);
        assertThat(builds.get("failed").asInt()).isPositive();
        assertThat(builds.get("errors").asInt()).isZero();
    }

    @Test
    void demo_printsAHumanSummaryBeforeTheMachineLine() {
        run("demo", "--requests", "20");

        assertThat(outLines()).anyMatch(line -> line.startsWith("preview request latency: p50"))
                .anyMatch(line -> line.startsWith("database queries: "))
                .anyMatch(line -> line.startsWith("provider calls: "));
    }

    @Test
    void demo_writesNothingToStderr() {
        run("demo", "--requests", "20");

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void badUsage_exitsTwoWithTheUsageOnStderr() {
        assertThat(run("demo", "--requests", "many")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--requests must be a whole number")
                .contains("usage: java -jar test-app.jar demo");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
