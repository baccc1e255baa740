package dev.cacheagent.observe;

import dev.cacheagent.config.LogSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The event log: {@link #emit} puts the event on a bounded queue and returns at once; one daemon
 * thread, {@code cache-agent-events}, formats the queued events and writes them in batches, flushing
 * after each batch.
 *
 * <p>Lines ({@code agent.log.format}):
 * <ul>
 *   <li>{@code json}: {@code {"ts":"2026-11-22T00:10:00.123Z","event":"hit","channel":"prompt-cache",...}},
 *       fields in the order ts, event, channel, rule, cache, method, key, keyHash, tier, source, ageMs,
 *       durationMs, originMs, error, reason, then the attributes in insertion order; fields without a
 *       value left out; milliseconds rounded to 3 decimals, other decimals to 6.
 *   <li>{@code text}: {@code 2026-11-22T00:10:00.123Z [prompt-cache] hit rule=style-prompt key=classic-oil-painting
 *       ageMs=234 durationMs=0.004}: the timestamp first (like the application's own log lines), the
 *       channel ({@code [cache-agent]} without one), the event, then {@code name=value} in the same
 *       order; values with spaces, quotes or {@code =} quoted and escaped; maps and lists as compact JSON.
 * </ul>
 *
 * <p>{@code emit} takes no lock and does no I/O: when the queue is full (the sink is slower than the
 * application) the event is dropped and counted in {@link #dropped()}. Events that cannot be
 * formatted or written are counted there too; the log itself never throws.
 */
public final class AsyncEventLog implements EventLog {

    static final int DEFAULT_CAPACITY = 16_384;
    static final String THREAD_NAME = "cache-agent-events";
    private static final int BATCH_SIZE = 512;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final OutputStream out;
    private final boolean ownsOut;
    private final EventFormat format;
    private final int capacity;
    private final ConcurrentLinkedQueue<Event> queue = new ConcurrentLinkedQueue<>();
    /** Events accepted so far; with {@link #processed} it bounds the queue and tells {@link #flush} how far to wait. */
    private final AtomicLong accepted = new AtomicLong();
    /** Events the writer has taken off the queue and written (or failed to); written by the writer only. */
    private volatile long processed;
    private final LongAdder dropped = new LongAdder();
    private final Object progress = new Object();
    private final Thread writer;
    private volatile boolean writerIdle;
    private volatile boolean closed;

    /** Opens the configured sink and starts the writer thread. */
    public static AsyncEventLog open(LogSettings settings) {
        EventSink sink = EventSink.open(settings.sink());
        AsyncEventLog log = new AsyncEventLog(sink.stream(), sink.owned(), settings.format(), DEFAULT_CAPACITY);
        if (sink.problem() != null) {
            log.emit(sink.problem());
        }
        return log;
    }

    /**
     * @param ownsOut whether {@link #close} closes {@code out} (otherwise it is only flushed)
     * @param capacity how many events may wait for the writer before new ones are dropped
     */
    AsyncEventLog(OutputStream out, boolean ownsOut, LogSettings.Format format, int capacity) {
        this.out = out;
        this.ownsOut = ownsOut;
        this.format = EventFormat.of(format);
        this.capacity = capacity;
        this.writer = new Thread(this::writeUntilClosed, THREAD_NAME);
        writer.setDaemon(true);
        writer.setContextClassLoader(null);
        writer.start();
    }

    @Override
    public void emit(Event event) {
        // Check-then-increment may let a few concurrent emitters past a full queue; the bound stays
        // within capacity + threads, and emit stays a single atomic increment.
        if (event == null || closed || accepted.get() - processed >= capacity) {
            dropped.increment();
            return;
        }
        accepted.incrementAndGet();
        queue.offer(event);
        if (writerIdle) {
            LockSupport.unpark(writer);
        }
    }

    /** Events dropped so far: emitted while the queue was full or after close, or not writable. */
    public long dropped() {
        return dropped.sum();
    }

    /**
     * Waits until every event emitted before this call has been written and flushed, or the timeout
     * passed. Blocks the caller: for tests and shutdown, never on the application's threads.
     *
     * @return whether the writer caught up in time
     */
    public boolean flush(Duration timeout) {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        LockSupport.unpark(writer);
        synchronized (progress) {
            while (processed < target) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0 || !writer.isAlive()) {
                    return processed >= target;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Writes what is queued, flushes, releases the sink (closing a file, only flushing the process's
     * streams) and stops the writer, waiting at most 2 seconds for it. Later events are dropped.
     */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilClosed() {
        StringBuilder batch = new StringBuilder(BATCH_SIZE * 200);
        while (true) {
            if (writeBatch(batch) > 0) {
                continue;
            }
            if (closed) {
                if (queue.isEmpty()) {
                    break;
                }
                continue;
            }
            writerIdle = true;
            if (queue.isEmpty() && !closed) {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
            writerIdle = false;
        }
        release();
    }

    /** Formats and writes up to one batch of queued events; returns how many were taken. */
    private int writeBatch(StringBuilder batch) {
        batch.setLength(0);
        int taken = 0;
        int formatted = 0;
        Event event;
        while (taken < BATCH_SIZE && (event = queue.poll()) != null) {
            taken++;
            try {
                batch.append(format.format(event)).append('\n');
                formatted++;
            } catch (RuntimeException e) {
                dropped.increment(); // e.g. an attribute whose toString() throws: lose the event, not the log
            }
        }
        if (taken == 0) {
            return 0;
        }
        try {
            out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | RuntimeException e) {
            dropped.add(formatted);
        }
        processed += taken;
        synchronized (progress) {
            progress.notifyAll();
        }
        return taken;
    }

    private void release() {
        try {
            if (ownsOut) {
                out.close();
            } else {
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // Nothing left to tell: the sink itself is what failed.
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }
}
