package dev.cacheagent.benchmarks.drivers;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks {@code 0..n-1} with probability proportional to {@code 1 / (rank + 1)^exponent}: a few popular
 * items and a long tail, the shape of real traffic. Immutable; the caller brings the random source.
 */
final class ZipfSampler {
    private final double[] cumulative;

    ZipfSampler(int n, double exponent) {
        if (n < 1 || exponent < 0) {
            throw new IllegalArgumentException("a Zipf distribution needs at least one item and an exponent >= 0, got "
                    + n + " items and exponent " + exponent);
        }
        cumulative = new double[n];
        double total = 0;
        for (int rank = 0; rank < n; rank++) {
            total += 1 / Math.pow(rank + 1, exponent);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < n; rank++) {
            cumulative[rank] /= total;
        }
    }

    int next(SplittableRandom random) {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = found >= 0 ? found : -found - 1;
        return Math.min(rank, cumulative.length - 1);
    }
}
