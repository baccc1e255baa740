package dev.cacheagent.cli;

import java.util.Locale;

/** How the commands write their figures: counts, latencies, durations, money, shares; the same in the terminal and in HTML. */
final class Figures {
    /** A figure the log does not hold. */
    static final String NONE = "-";

    private Figures() {}

    /** A latency in milliseconds, to about three significant digits: {@code 0.004}, {@code 1.25}, {@code 80.0}, {@code 312}. */
    static String ms(double ms) {
        if (Double.isNaN(ms)) {
            return NONE;
        }
        if (ms == 0) {
            return "0";
        }
        double size = Math.abs(ms);
        String pattern = size >= 100 ? "%.0f" : size >= 10 ? "%.1f" : size >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, ms);
    }

    /** Time saved, in the unit that reads best: {@code 850 ms}, {@code 6.4 s}, {@code 12.5 min}, {@code 3.2 h}. */
    static String duration(Double ms) {
        if (ms == null) {
            return NONE;
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        double seconds = ms / 1000;
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    /** Money, in the unit of {@code costPerCall}: two decimals, four below 0.1 so that small savings show. */
    static String cost(Double cost) {
        if (cost == null) {
            return NONE;
        }
        return String.format(Locale.ROOT, cost >= 0.1 || cost == 0 ? "%.2f" : "%.4f", cost);
    }

    /** {@code 1 rule}, {@code 3 rules}. */
    static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** {@code 1 class}, {@code 3 classes}. */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** A share as a percentage with one decimal: {@code 80.0%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
