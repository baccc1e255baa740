package dev.cacheagent.cli;

import dev.cacheagent.cli.Report.Latencies;
import dev.cacheagent.cli.Report.RuleFigures;
import java.util.List;

/**
 * A {@link Report} as one self-contained HTML page: the figures table and, per rule, a latency
 * chart for its hits and one for its misses (and one for the timed calls of a rule without a
 * cache). Styles are inline and charts are inline SVG: the page loads nothing, so it can be mailed,
 * attached to a ticket or opened offline.
 */
final class HtmlReport {
    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2433; }
            table { border-collapse: collapse; margin: 1rem 0; }
            th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #d8dde6; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            tfoot td { font-weight: bold; border-top: 2px solid #1d2433; }
            .note { color: #5b6475; font-size: 0.9rem; }
            .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
            .chart { background: #fafbfc; border: 1px solid #d8dde6; }
            .chart .title { font-size: 12px; font-weight: bold; fill: #1d2433; }
            .chart .tick { font-size: 10px; fill: #5b6475; }
            .chart .axis-label { font-size: 11px; fill: #1d2433; }
            .chart .axis { stroke: #1d2433; stroke-width: 1; }
            .chart .grid { stroke: #d8dde6; stroke-width: 1; }
            .chart .curve { stroke: #2f6fde; stroke-width: 2; }
            .chart .marker { fill: #d9480f; }
            """;

    private HtmlReport() {}

    static String render(Report report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>cache-agent report: ")
                .append(escape(report.source())).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<h1>cache-agent report</h1>\n<p>")
                .append(escape(report.source())).append(": ").append(Figures.count(report.events(), "event"));
        if (report.skippedLines() > 0) {
            html.append(", ").append(Figures.count(report.skippedLines(), "line"))
                    .append(" skipped (not JSON events)");
        }
        html.append("</p>\n");
        appendTable(html, ReportTable.header(), ReportTable.rows(report), true);
        html.append("<p class=\"note\">Latencies in ms. Hit rate = hits / (hits + misses). Time saved = hits × the"
                + " rule's mean time of a miss's original call. Cost saved = hits × costPerCall.</p>\n");
        List<List<String>> timed = ReportTable.timedRows(report);
        if (!timed.isEmpty()) {
            html.append("<h2>Timed calls of rules without a cache</h2>\n");
            appendTable(html, ReportTable.timedHeader(), timed, false);
        }
        html.append("<h2>Latency distributions</h2>\n");
        for (RuleFigures rule : report.rules()) {
            appendCharts(html, rule);
        }
        if (!report.silentRules().isEmpty()) {
            html.append("<p class=\"note\">Applied but without figures in this log: ")
                    .append(escape(String.join(", ", report.silentRules()))).append("</p>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void appendCharts(StringBuilder html, RuleFigures rule) {
        html.append("<section>\n<h3>").append(escape(rule.rule())).append("</h3>\n");
        if (rule.source() == Report.Source.STATS) {
            html.append("<p class=\"note\">From the last stats event of cache ").append(escape(rule.cache()))
                    .append(": percentiles only, no distribution to draw.</p>\n");
        }
        html.append("<div class=\"charts\">\n");
        appendChart(html, rule.rule() + ": hits", rule.hit());
        appendChart(html, rule.rule() + ": misses", rule.miss());
        appendChart(html, rule.rule() + ": timed calls", rule.timed());
        html.append("</div>\n</section>\n");
    }

    private static void appendChart(StringBuilder html, String title, Latencies latencies) {
        if (latencies != null && !latencies.curve().isEmpty()) {
            html.append(LatencyChart.svg(title, latencies));
        }
    }

    private static void appendTable(StringBuilder html, List<String> header, List<List<String>> rows,
            boolean lastRowIsTotal) {
        html.append("<table>\n<thead><tr>");
        header.forEach(cell -> html.append("<th>").append(escape(cell)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < rows.size(); i++) {
            if (lastRowIsTotal && i == rows.size() - 1) {
                html.append("</tbody>\n<tfoot>\n");
            }
            html.append("<tr>");
            rows.get(i).forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append(lastRowIsTotal ? "</tfoot>\n" : "</tbody>\n").append("</table>\n");
    }

    /** Text made safe for HTML content and attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
