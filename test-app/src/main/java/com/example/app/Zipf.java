package com.example.app;

import java.util.List;
import java.util.Random;

/**
 * Picks items so that the k-th most popular comes up about 1/k^exponent as often as the first: the long-tailed
 * popularity of real request traffic, which is what makes a small cache effective.
 */
final class Zipf<T> {

    private final List<T> itemsByPopularity;
    private final double[] cumulative;
    private final Random random;

    Zipf(List<T> itemsByPopularity, double exponent, Random random) {
        if (itemsByPopularity.isEmpty()) {
            throw new IllegalArgumentException("a Zipf distribution needs at least one item");
        }
        this.itemsByPopularity = List.copyOf(itemsByPopularity);
        this.random = random;
        this.cumulative = new double[itemsByPopularity.size()];
        double total = 0;
        for (int rank = 0; rank < cumulative.length; rank++) {
            total += 1 / Math.pow(rank + 1, exponent);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < cumulative.length; rank++) {
            cumulative[rank] /= total;
        }
    }

    T next() {
        double draw = random.nextDouble();
        for (int rank = 0; rank < cumulative.length - 1; rank++) {
            if (draw < cumulative[rank]) {
                return itemsByPopularity.get(rank);
            }
        }
        return itemsByPopularity.get(cumulative.length - 1);
    }
}
