package dev.cacheagent.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ratio of two benchmarks measured in alternating rounds ({@code benchmarks/redis-pair.sh}): one JMH run of
 * each per round, in the order A B, then B A, so that a burst of machine noise weighs on both. Each round gives a
 * ratio of means and a ratio of medians (JMH sample mode); the report gives every round and the median round.
 * A ratio taken within one round compares two measurements a few seconds apart, where ratios of whole runs
 * minutes apart swing with the machine's load.
 */
public final class PairedRounds {
    /** One benchmark's result in one round, in microseconds. */
    record Sample(double mean, double median) {
        static Sample fromJmh(JsonNode result) {
            JsonNode primary = result.path("primaryMetric");
            JsonNode median = primary.path("scorePercentiles").path("50.0");
            if (!"us/op".equals(primary.path("scoreUnit").asText()) || !median.isNumber()) {
                throw new IllegalArgumentException(result.path("benchmark").asText()
                        + ": the rounds are read in JMH sample mode, in µs/op (-bm sample -tu us)");
            }
            return new Sample(primary.path("score").asDouble(), median.asDouble());
        }
    }

    /** Round {@code number}: benchmark A and benchmark B. */
    record Round(int number, Sample a, Sample b) {
        double meanRatio() {
            return a.mean() / b.mean();
        }

        double medianRatio() {
            return a.median() / b.median();
        }
    }

    private final String a;
    private final String b;
    private final List<Round> rounds;

    PairedRounds(String a, String b, List<Round> rounds) {
        this.a = a;
        this.b = b;
        this.rounds = List.copyOf(rounds);
    }

    /** {@code PairedRounds <dir> <A> <B>}: prints the table for the files {@code <dir>/<round>-<A|B>.json}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: PairedRounds <dir of <round>-<benchmark>.json> <benchmark A> <benchmark B>");
            System.exit(2);
        }
        read(Path.of(args[0]), args[1], args[2]).table().forEach(System.out::println);
    }

    static PairedRounds read(Path dir, String a, String b) throws IOException {
        List<Round> rounds = new ArrayList<>();
        for (int number = 1; Files.exists(dir.resolve(number + "-" + a + ".json")); number++) {
            rounds.add(new Round(number, sample(dir.resolve(number + "-" + a + ".json")),
                    sample(dir.resolve(number + "-" + b + ".json"))));
        }
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("no round in " + dir + ": expected 1-" + a + ".json and 1-" + b
                    + ".json");
        }
        return new PairedRounds(a, b, rounds);
    }

    private static Sample sample(Path file) throws IOException {
        JsonNode results = new ObjectMapper().readTree(file.toFile());
        if (results.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + results.size() + " results, not one");
        }
        return Sample.fromJmh(results.get(0));
    }

    List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add("| round | " + a + " mean / p50 | " + b + " mean / p50 | ratio of means | ratio of p50s |");
        lines.add("|---:|---:|---:|---:|---:|");
        for (Round round : rounds) {
            lines.add(String.format(Locale.ROOT, "| %d | %.1f / %.1f µs | %.1f / %.1f µs | %.3f× | %.3f× |",
                    round.number(), round.a().mean(), round.a().median(), round.b().mean(), round.b().median(),
                    round.meanRatio(), round.medianRatio()));
        }
        lines.add(String.format(Locale.ROOT, "| **median round** | | | **%.3f×** | **%.3f×** |",
                median(rounds.stream().mapToDouble(Round::meanRatio).toArray()),
                median(rounds.stream().mapToDouble(Round::medianRatio).toArray())));
        return lines;
    }

    /** The middle value; of an even count, the mean of the two middle ones. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
