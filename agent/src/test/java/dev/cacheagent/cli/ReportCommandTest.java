package dev.cacheagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} over {@code events.jsonl}, a synthetic log with known figures: style-prompt (8 hits
 * of 1…8 µs, misses of 80 and 120 ms with origins of 79 and 119 ms, a skip, a fetch error, costPerCall
 * 0.05), scene-read (2 hits, a shadow hit, a 5 ms miss with a 4 ms origin), provider-call (timed calls
 * of 300, 310, 320 ms), ai-decision (stats events only), prompt-fetch (applied, nothing logged), and
 * four lines that are not JSON events.
 */
class ReportCommandTest {
    @TempDir
    Path temp;

    private Path events;

    @BeforeEach
    void copyTheSyntheticLog() throws IOException {
        events = temp.resolve("events.jsonl");
        try (InputStream in = ReportCommandTest.class.getResourceAsStream("events.jsonl")) {
            Files.copy(in, events);
        }
    }

    @Test
    void report_countsEventsAndSkipsLinesThatAreNotJsonEvents() {
        Cli.Outcome outcome = Cli.run("report", events.toString());

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).startsWith("cache-agent report of " + events + ": 30 events, 4 lines skipped"
                + " (not JSON events; the report reads agent.log.format: json)\n");
    }

    @Test
    void report_printsEachRulesFiguresAndTheTotals() {
        Cli.Outcome outcome = Cli.run("report", events.toString());

        assertThat(row(outcome.out(), "style-prompt")).containsExactly("style-prompt", "12", "8", "2", "80.0%",
                "0.004", "0.008", "0.008", "80.0", "120", "120", "792 ms", "0.40");
        assertThat(row(outcome.out(), "scene-read")).containsExactly("scene-read", "4", "3", "1", "75.0%", "0.010",
                "0.020", "0.020", "5.00", "5.00", "5.00", "12 ms", "-");
        assertThat(row(outcome.out(), "total")).containsExactly("total", "119", "101", "13", "88.6%", "-", "-", "-",
                "-", "-", "-", "18.8 s", "0.58");
    }

    @Test
    void report_fallsBackToTheLastStatsEventOfACacheWhoseRulesLoggedNoCalls() {
        Cli.Outcome outcome = Cli.run("report", events.toString());

        assertThat(row(outcome.out(), "ai-decision")).containsExactly("ai-decision", "100", "90", "10", "90.0%",
                "0.005", "0.010", "0.020", "200", "250", "300", "18.0 s", "0.18");
        assertThat(outcome.out()).contains("ai-decision: from the last stats event of cache decisions");
    }

    @Test
    void report_listsTimedCallsOfRulesWithoutACache() {
        Cli.Outcome outcome = Cli.run("report", events.toString());

        assertThat(outcome.out()).contains("timed calls of rules without a cache, ms:");
        assertThat(row(outcome.out().substring(outcome.out().indexOf("timed calls")), "provider-call"))
                .containsExactly("provider-call", "3", "310", "320", "320", "320");
    }

    @Test
    void report_namesRulesAppliedWithoutFigures() {
        Cli.Outcome outcome = Cli.run("report", events.toString());

        assertThat(outcome.out()).contains("applied but without figures in this log: prompt-fetch");
    }

    @Test
    void builder_computesTheFiguresExactly() throws IOException {
        Report report = read(events);
        Report.RuleFigures prompts = report.rules().get(0);

        assertThat(prompts.rule()).isEqualTo("style-prompt");
        assertThat(prompts.cache()).isEqualTo("prompts");
        assertThat(prompts.hitRate()).isEqualTo(0.8);
        assertThat(prompts.hit().p50()).isEqualTo(0.004);
        assertThat(prompts.hit().p99()).isEqualTo(0.008);
        assertThat(prompts.miss().p50()).isCloseTo(80.0, within(0.05));
        assertThat(prompts.miss().p99()).isCloseTo(120.0, within(0.06));
        assertThat(prompts.savedMs()).isEqualTo(792.0);
        assertThat(prompts.savedCost()).isCloseTo(0.40, within(1e-12));
    }

    @Test
    void builder_countsShadowHitsAsHits_butNotTheirLatency() throws IOException {
        Report.RuleFigures scenes = read(events).rules().get(1);

        assertThat(scenes.hits()).isEqualTo(3);
        assertThat(scenes.hit().count()).isEqualTo(2);
    }

    @Test
    void builder_ordersRulesAsTheLogFirstNamesThem_statsRowsLast() throws IOException {
        assertThat(read(events).rules()).extracting(Report.RuleFigures::rule, Report.RuleFigures::source)
                .containsExactly(
                        tuple("style-prompt", Report.Source.EVENTS),
                        tuple("scene-read", Report.Source.EVENTS),
                        tuple("provider-call", Report.Source.EVENTS),
                        tuple("ai-decision", Report.Source.STATS));
    }

    @Test
    void builder_leavesTimeSavedOpen_whenNoMissMeasuredTheOrigin() throws IOException {
        Path log = Files.writeString(temp.resolve("hits-only.jsonl"),
                "{\"event\":\"hit\",\"rule\":\"r\",\"cache\":\"c\",\"durationMs\":0.002}\n");

        Report.RuleFigures rule = read(log).rules().get(0);

        assertThat(rule.hits()).isEqualTo(1);
        assertThat(rule.savedMs()).isNull();
    }

    @Test
    void html_drawsOneChartPerRuleAndSeries() throws IOException {
        Path html = temp.resolve("report.html");

        Cli.Outcome outcome = Cli.run("report", events.toString(), "--html", html.toString());

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).endsWith("wrote " + html + "\n");
        String page = Files.readString(html);
        assertThat(count(page, "<svg ")).isEqualTo(5);
        assertThat(page).contains("aria-label=\"style-prompt: hits\"", "aria-label=\"style-prompt: misses\"",
                "aria-label=\"scene-read: hits\"", "aria-label=\"scene-read: misses\"",
                "aria-label=\"provider-call: timed calls\"");
    }

    @Test
    void html_chartsHaveLabelledAxes() throws IOException {
        String page = html();

        assertThat(count(page, ">percentile of calls</text>")).isEqualTo(5);
        assertThat(count(page, ">latency (ms)</text>")).isEqualTo(5);
    }

    @Test
    void html_containsTheFiguresTable() throws IOException {
        String page = html();

        assertThat(page).contains("<tr><td>style-prompt</td><td>12</td><td>8</td><td>2</td><td>80.0%</td>");
        assertThat(page).contains("<tfoot>\n<tr><td>total</td><td>119</td>");
    }

    @Test
    void html_isSelfContained() throws IOException {
        String page = html();

        assertThat(page).doesNotContain("http:", "https:", "src=", "href=", "<script", "<link", "@import", "url(");
    }

    @Test
    void report_ofAMissingFile_failsWithStatus1() {
        Path missing = temp.resolve("nope.jsonl");

        Cli.Outcome outcome = Cli.run("report", missing.toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("cannot read the event log " + missing + ": no such file — give the"
                + " file the agent wrote (agent.log.sink: file:<path>)\n");
    }

    @Test
    void report_withAnUnknownOption_isBadUsage() {
        Cli.Outcome outcome = Cli.run("report", events.toString(), "--pdf", "x.pdf");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("cache-agent report: unknown option '--pdf'");
    }

    @Test
    void report_ofALogWithoutFigures_saysHowToGetThem() throws IOException {
        Path log = Files.writeString(temp.resolve("quiet.jsonl"), "{\"event\":\"agent_started\"}\n");

        Cli.Outcome outcome = Cli.run("report", log.toString());

        assertThat(outcome.status()).isZero();
        assertThat(outcome.out()).contains("no per-call or stats events: give rules a log section, or turn on"
                + " agent.stats");
    }

    private String html() throws IOException {
        Path html = temp.resolve("report.html");
        Cli.run("report", events.toString(), "--html", html.toString());
        return Files.readString(html);
    }

    private static Report read(Path log) throws IOException {
        ReportBuilder builder = new ReportBuilder();
        EventLogReader.Counts counts;
        try (var lines = Files.newBufferedReader(log)) {
            counts = new EventLogReader().read(lines, builder);
        }
        return builder.build(log.toString(), counts);
    }

    /** The cells of the first table line that starts with this rule's name. */
    private static List<String> row(String output, String rule) {
        return output.lines()
                .filter(line -> line.startsWith(rule + " "))
                .findFirst()
                .map(line -> List.of(line.trim().split(" {2,}")))
                .orElseThrow(() -> new AssertionError("no row for " + rule + " in:\n" + output));
    }

    private static int count(String text, String fragment) {
        Matcher matcher = Pattern.compile(Pattern.quote(fragment)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
