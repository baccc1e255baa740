package dev.cacheagent.observe;

/**
 * Where events go. {@link #emit} never blocks and never does I/O on the calling thread.
 */
public interface EventLog extends AutoCloseable {

    /** Queues an event for writing; drops it (and counts the drop) when the queue is full. */
    void emit(Event event);

    /** Writes what is queued and releases the sink. */
    @Override
    void close();
}
