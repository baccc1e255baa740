package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ZipfTest {

    private static final List<String> ITEMS = List.of("first", "second", "third", "fourth");

    private static List<String> draws(long seed, int count) {
        Zipf<String> zipf = new Zipf<>(ITEMS, 1.0, new Random(seed));
        List<String> draws = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            draws.add(zipf.next());
        }
        return draws;
    }

    @Test
    void next_picksMorePopularItemsMoreOften() {
        Map<String, Long> counts = draws(1, 10_000).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(counts.get("first")).isGreaterThan(counts.get("second"));
        assertThat(counts.get("second")).isGreaterThan(counts.get("fourth"));
        assertThat(counts.get("fourth")).isPositive();
    }

    @Test
    void next_sameSeed_sameSequence() {
        assertThat(draws(7, 100)).isEqualTo(draws(7, 100));
    }
}
