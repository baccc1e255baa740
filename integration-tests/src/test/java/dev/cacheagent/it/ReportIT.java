package dev.cacheagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cache-agent.jar report} over the events of a demo run: its figures agree with the demo's own
 * counts. (Opening the HTML in a browser is a manual check, see docs/operations.md.)
 */
class ReportIT {
    @TempDir
    Path dir;

    @Test
    void report_ofADemoRun_agreesWithTheDemosOwnCounts() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                agent:
                  stats: 0
                  log: { sink: "file:%s" }
                caches:
                  scenes: { ttl: 5m, maxEntries: 1000 }
                  project-scenes: { ttl: 5m, maxEntries: 100 }
                rules:
                  - name: scene-read
                    match: { type: com.example.scenes.SceneService, method: getScene }
                    cache: { use: scenes, key: "#projectId + ':' + #sceneId" }
                    log: { events: [hit, miss, fetch_error] }
                  - name: scene-list
                    match: { type: com.example.scenes.SceneService, method: listScenes }
                    cache: { use: project-scenes, key: "#projectId" }
                    costPerCall: 0.01
                    log: { events: [hit, miss, fetch_error] }
                  - name: scene-update
                    match: { type: com.example.scenes.SceneService, method: updateScene }
                    evict:
                      - { cache: project-scenes, key: "#projectId", when: before }
                      - { cache: scenes, key: "#projectId + ':' + #sceneId" }
                """.formatted(events));
        ChildJvm demo = ChildJvm.java().agent(rules).testApp("demo", "--requests", "120", "--seed", "11").run();
        JsonNode summary = DemoSummary.of(demo).json();
        Path html = dir.resolve("report.html");

        ChildJvm report = ChildJvm.java().mainClass(Jars.agent().toString(), "dev.cacheagent.launcher.AgentLauncher",
                "report", events.toString(), "--html", html.toString()).run();

        assertThat(report.awaitExit()).as(report.transcript()).isZero();
        long[] reads = row(report.stdout(), "scene-read");
        long[] lists = row(report.stdout(), "scene-list");
        JsonNode workloads = summary.path("workloads");
        assertThat(reads[0]).as("scene-read calls").isEqualTo(workloads.at("/sceneReads/calls").asLong());
        assertThat(lists[0]).as("scene-list calls").isEqualTo(workloads.at("/sceneLists/calls").asLong());
        assertThat(reads[1] + reads[2]).isEqualTo(reads[0]);
        assertThat(reads[1]).as("repeated reads hit").isPositive();
        // Every query the demo counted is a preview's prompt fetch, a miss of a cached read, two per
        // update, or a system-prompt read: the report's misses are exactly the reads that reached the database.
        long expectedQueries = workloads.at("/preview/calls").asLong() + reads[2] + lists[2]
                + 2 * workloads.at("/sceneUpdates/calls").asLong() + workloads.at("/systemPrompt/calls").asLong();
        assertThat(summary.path("dbQueries").asLong()).isEqualTo(expectedQueries);
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("scene-read", "scene-list", "<svg");
    }

    /** calls, hits, misses of a rule's row in the report's table. */
    private static long[] row(List<String> stdout, String rule) {
        String line = stdout.stream().filter(l -> l.startsWith(rule + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + rule + " in\n" + String.join("\n", stdout)));
        String[] cells = line.trim().split("\\s+");
        return Arrays.stream(cells, 1, 4).mapToLong(Long::parseLong).toArray();
    }
}
