package dev.cacheagent.runtime;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The agent's own threads for the loads it runs off the application's threads: one
 * {@code cache-agent-warmup} thread for warm-ups, and up to {@value #REFRESH_THREADS}
 * {@code cache-agent-refresh} threads for refreshes ahead of expiry. Daemon threads, started on first
 * use and stopped when idle, so an application that uses neither feature never sees them.
 *
 * <p>Queues are bounded: a task that does not fit is dropped (see {@link #refresh}), never run on the
 * application's thread, which must not wait for an origin call it did not ask for.
 */
final class LoaderThreads implements AutoCloseable {
    private static final int REFRESH_THREADS = 2;
    private static final int QUEUE_CAPACITY = 1024;
    private static final long IDLE_SECONDS = 30;

    private final ThreadPoolExecutor warmups = executor("cache-agent-warmup", 1);
    private final ThreadPoolExecutor refreshes = executor("cache-agent-refresh", REFRESH_THREADS);

    private static ThreadPoolExecutor executor(String name, int threads) {
        ThreadFactory factory = task -> {
            LoaderThread thread = new LoaderThread(task, name);
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), factory, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** Queues a warm-up; {@code false} when it was dropped (the queue is full or the runtime closed). */
    boolean warmup(Runnable task) {
        return submit(warmups, task);
    }

    /** Queues a refresh; {@code false} when it was dropped (the queue is full or the runtime closed). */
    boolean refresh(Runnable task) {
        return submit(refreshes, task);
    }

    private static boolean submit(ThreadPoolExecutor executor, Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    /** Drops queued loads; loads already running finish on their own (their threads are daemons). */
    @Override
    public void close() {
        warmups.shutdownNow();
        refreshes.shutdownNow();
    }
}
