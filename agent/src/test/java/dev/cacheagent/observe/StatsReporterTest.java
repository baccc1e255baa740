package dev.cacheagent.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StatsReporterTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final RecordingEventLog log = new RecordingEventLog();
    private final RuleMetrics styles = new RuleMetrics("style-prompt", "prompts", 0.5);
    private final RuleMetrics scenes = new RuleMetrics("scene-read", "scenes", null);
    private final Supplier<List<CacheView>> caches = () -> List.of(
            new CacheView(new FixedGauge("prompts", 7, 2), List.of(styles)),
            new CacheView(new FixedGauge("scenes", 0, 0), List.of(scenes)));

    @Test
    void reportNow_emitsOneStatsEventPerCache() {
        new StatsReporter(Duration.ofSeconds(60), caches, log).reportNow();

        assertThat(log.events).extracting(Event::event).containsExactly("stats", "stats");
        assertThat(log.events).extracting(Event::cache).containsExactly("prompts", "scenes");
    }

    @Test
    void reportNow_writesTheFiguresInTheirStableOrder() {
        styles.recordHit(MS);
        styles.recordMiss(2 * MS, 2 * MS);

        new StatsReporter(Duration.ofSeconds(60), caches, log).reportNow();

        assertThat(log.events.get(0).attributes().keySet()).containsExactly("hits", "misses", "hitRate", "loads",
                "loadErrors", "evictions", "size", "hitP50Ms", "hitP95Ms", "hitP99Ms", "missP50Ms", "missP95Ms",
                "missP99Ms", "savedMs", "savedCost");
    }

    @Test
    void reportNow_writesTheCacheFigures() {
        styles.recordMiss(2 * MS, 2 * MS);
        styles.recordHit(MS);
        styles.recordHit(MS);
        styles.recordHit(MS);

        new StatsReporter(Duration.ofSeconds(60), caches, log).reportNow();

        Map<String, Object> prompts = log.events.get(0).attributes();
        assertThat(prompts).contains(entry("hits", 3L), entry("misses", 1L), entry("hitRate", 0.75),
                entry("loads", 1L), entry("loadErrors", 0L), entry("evictions", 2L), entry("size", 7L),
                entry("savedMs", 6.0), entry("savedCost", 1.5));
        assertThat((Double) prompts.get("hitP50Ms")).isCloseTo(1.0, withinPercentage(0.1));
        assertThat((Double) prompts.get("missP99Ms")).isCloseTo(2.0, withinPercentage(0.1));
    }

    @Test
    void reportNow_statsLineLeavesOutPercentilesWithoutRecordings() {
        new StatsReporter(Duration.ofSeconds(60), caches, log).reportNow();

        String line = new JsonEventFormat().format(log.events.get(1));

        assertThat(line.substring(line.indexOf("\"event\""))).isEqualTo("\"event\":\"stats\",\"cache\":\"scenes\","
                + "\"hits\":0,\"misses\":0,\"hitRate\":0,\"loads\":0,\"loadErrors\":0,\"evictions\":0,\"size\":0,"
                + "\"savedMs\":0,\"savedCost\":0}");
    }

    @Test
    void reportNow_skipsACacheWhoseFiguresCannotBeRead() {
        CacheGauge broken = new CacheGauge() {
            @Override
            public String cacheName() {
                return "broken";
            }

            @Override
            public long size() {
                throw new IllegalStateException("redis down");
            }

            @Override
            public long evictions() {
                return 0;
            }
        };
        Supplier<List<CacheView>> withBroken = () -> List.of(new CacheView(broken, List.of()),
                new CacheView(new FixedGauge("scenes", 0, 0), List.of(scenes)));

        new StatsReporter(Duration.ofSeconds(60), withBroken, log).reportNow();

        assertThat(log.events).extracting(Event::cache).containsExactly("scenes");
    }

    @Test
    void reportNow_asksForTheCachesEachTime() {
        StatsReporter reporter = new StatsReporter(Duration.ofSeconds(60), caches, log);
        reporter.reportNow();
        styles.recordHit(MS);

        reporter.reportNow();

        assertThat(log.events.get(2).attributes()).containsEntry("hits", 1L);
    }

    @Test
    void start_runsReportsOnADaemonThreadNamedCacheAgentStats() throws InterruptedException {
        CountDownLatch reported = new CountDownLatch(1);
        Thread[] reporterThread = new Thread[1];
        EventLog capturing = new EventLog() {
            @Override
            public void emit(Event event) {
                reporterThread[0] = Thread.currentThread();
                reported.countDown();
            }

            @Override
            public void close() {}
        };
        try (StatsReporter reporter = new StatsReporter(Duration.ofMillis(1), caches, capturing)) {
            reporter.start();

            assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(reporterThread[0].getName()).isEqualTo(StatsReporter.THREAD_NAME);
            assertThat(reporterThread[0].isDaemon()).isTrue();
        }
    }

    @Test
    void start_withZeroInterval_startsNoThread() {
        List<Thread> before = statsThreads();
        try (StatsReporter reporter = new StatsReporter(Duration.ZERO, caches, log)) {
            reporter.start();

            assertThat(statsThreads()).allMatch(before::contains);
        }
    }

    private static List<Thread> statsThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(StatsReporter.THREAD_NAME) && t.isAlive())
                .toList();
    }
}
