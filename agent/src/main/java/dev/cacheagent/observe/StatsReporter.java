package dev.cacheagent.observe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes one {@code stats} event per cache every {@code agent.stats} interval (off when zero), on a
 * daemon thread named {@code cache-agent-stats}.
 *
 * <p>Each event carries {@code cache} and the attributes {@code hits, misses, hitRate, loads,
 * loadErrors, evictions, size, hitP50Ms, hitP95Ms, hitP99Ms, missP50Ms, missP95Ms, missP99Ms,
 * savedMs, savedCost}, cumulative since the rules were bound (percentiles without recordings are left
 * out of the line). The caches are asked for at each report, so a reloaded configuration is picked
 * up without restarting the reporter.
 */
public final class StatsReporter implements AutoCloseable {

    static final String THREAD_NAME = "cache-agent-stats";

    private final Duration interval;
    private final Supplier<List<CacheView>> caches;
    private final EventLog events;
    private ScheduledExecutorService scheduler;
    private boolean closed;

    /**
     * @param interval {@code agent.stats}; zero or negative turns the periodic events off
     * @param caches the caches to report on, asked for at every report
     */
    public StatsReporter(Duration interval, Supplier<List<CacheView>> caches, EventLog events) {
        this.interval = interval;
        this.caches = caches;
        this.events = events;
    }

    /** Starts the periodic reports, the first one interval from now. Does nothing when off or already started. */
    public synchronized void start() {
        if (closed || scheduler != null || interval.isZero() || interval.isNegative()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            return thread;
        });
        long nanos = interval.toNanos();
        scheduler.scheduleAtFixedRate(this::reportNow, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Emits one {@code stats} event per cache now, on the calling thread. Never throws: a cache whose
     * figures cannot be read is left out of this round.
     */
    public void reportNow() {
        List<CacheView> views;
        try {
            views = caches.get();
        } catch (RuntimeException e) {
            return;
        }
        for (CacheView view : views) {
            try {
                events.emit(statsEvent(view.figures()));
            } catch (RuntimeException e) {
                // One broken gauge must not cost the other caches their report, nor kill the schedule.
            }
        }
    }

    /** Stops the periodic reports. */
    @Override
    public synchronized void close() {
        closed = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    static Event statsEvent(CacheFigures figures) {
        return Event.builder("stats")
                .cache(figures.cache())
                .attribute("hits", figures.hits())
                .attribute("misses", figures.misses())
                .attribute("hitRate", figures.hitRate())
                .attribute("loads", figures.loads())
                .attribute("loadErrors", figures.loadErrors())
                .attribute("evictions", figures.evictions())
                .attribute("size", figures.size())
                .attribute("hitP50Ms", figures.hitP50Ms())
                .attribute("hitP95Ms", figures.hitP95Ms())
                .attribute("hitP99Ms", figures.hitP99Ms())
                .attribute("missP50Ms", figures.missP50Ms())
                .attribute("missP95Ms", figures.missP95Ms())
                .attribute("missP99Ms", figures.missP99Ms())
                .attribute("savedMs", figures.savedMs())
                .attribute("savedCost", figures.savedCost())
                .build();
    }
}
