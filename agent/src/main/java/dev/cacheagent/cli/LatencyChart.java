package dev.cacheagent.cli;

import dev.cacheagent.cli.Report.Latencies;
import java.util.Locale;

/**
 * A latency distribution drawn as an inline SVG percentile curve: percentile across, latency up,
 * with labelled axes. Plain SVG elements only, so the page needs nothing from outside itself.
 */
final class LatencyChart {
    private static final int WIDTH = 520;
    private static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 36;
    private static final int BOTTOM = 48;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    private static final int[] PERCENTILE_TICKS = {0, 25, 50, 75, 90, 100};
    private static final int VALUE_TICKS = 4;

    private LatencyChart() {}

    /**
     * @param title e.g. {@code style-prompt: hits}; plain text
     * @param latencies a distribution with a curve
     */
    static String svg(String title, Latencies latencies) {
        double top = niceCeiling(latencies.max());
        String text = HtmlReport.escape(title);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(text).append("\">\n");
        svg.append("<title>").append(text).append("</title>\n");
        svg.append(label(8, 14, "start", "title", title));
        svg.append(label(8, 28, "start", "tick", Figures.count(latencies.count(), "call") + ": p50 "
                + Figures.ms(latencies.p50()) + " ms, p95 " + Figures.ms(latencies.p95()) + " ms, p99 "
                + Figures.ms(latencies.p99()) + " ms"));
        appendAxes(svg, top);
        svg.append("<polyline class=\"curve\" fill=\"none\" points=\"");
        for (Latencies.Point point : latencies.curve()) {
            svg.append(number(x(point.percentile()))).append(',').append(number(y(point.ms(), top))).append(' ');
        }
        svg.setLength(svg.length() - 1);
        svg.append("\"/>\n");
        appendMarker(svg, 50, latencies.p50(), top);
        appendMarker(svg, 95, latencies.p95(), top);
        appendMarker(svg, 99, latencies.p99(), top);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void appendAxes(StringBuilder svg, double top) {
        int bottom = TOP + PLOT_HEIGHT;
        svg.append(line(LEFT, bottom, LEFT + PLOT_WIDTH, bottom, "axis"));
        svg.append(line(LEFT, TOP, LEFT, bottom, "axis"));
        for (int percentile : PERCENTILE_TICKS) {
            double x = x(percentile);
            svg.append(line(x, bottom, x, bottom + 4, "axis"));
            svg.append(label(x, bottom + 16, "middle", "tick", "p" + percentile));
        }
        for (int i = 0; i <= VALUE_TICKS; i++) {
            double value = top * i / VALUE_TICKS;
            double y = y(value, top);
            svg.append(line(LEFT, y, LEFT + PLOT_WIDTH, y, i == 0 ? "axis" : "grid"));
            svg.append(label(LEFT - 6, y + 4, "end", "tick", Figures.ms(value)));
        }
        svg.append(label(LEFT + PLOT_WIDTH / 2.0, HEIGHT - 8, "middle", "axis-label", "percentile of calls"));
        svg.append("<text class=\"axis-label\" text-anchor=\"middle\" transform=\"translate(14,")
                .append(number(TOP + PLOT_HEIGHT / 2.0)).append(") rotate(-90)\">latency (ms)</text>\n");
    }

    private static void appendMarker(StringBuilder svg, double percentile, double ms, double top) {
        svg.append("<circle class=\"marker\" cx=\"").append(number(x(percentile))).append("\" cy=\"")
                .append(number(y(ms, top))).append("\" r=\"3\"><title>p").append(number(percentile)).append(": ")
                .append(Figures.ms(ms)).append(" ms</title></circle>\n");
    }

    private static double x(double percentile) {
        return LEFT + PLOT_WIDTH * percentile / 100;
    }

    private static double y(double ms, double top) {
        return TOP + PLOT_HEIGHT - PLOT_HEIGHT * Math.min(ms, top) / top;
    }

    /** The smallest 1, 2 or 5 × 10ⁿ at or above the value, so axis ticks are round numbers. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String line(double x1, double y1, double x2, double y2, String cssClass) {
        return "<line class=\"" + cssClass + "\" x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\""
                + number(x2) + "\" y2=\"" + number(y2) + "\"/>\n";
    }

    private static String label(double x, double y, String anchor, String cssClass, String text) {
        return "<text class=\"" + cssClass + "\" x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\""
                + anchor + "\">" + HtmlReport.escape(text) + "</text>\n";
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
