package dev.cacheagent.observe;

import dev.cacheagent.config.LogSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An opened destination for event lines.
 *
 * @param stream where lines are written
 * @param owned whether closing the log closes the stream: a file yes, the process's own streams no
 * @param problem an event to write first when the configured sink could not be used, or {@code null}
 */
record EventSink(OutputStream stream, boolean owned, Event problem) {

    /**
     * Opens the configured sink. The process's streams are taken as they are now, so a later
     * {@code System.setErr} by the application does not redirect the agent's events. A file is opened
     * for appending, with its parent directories created; when that fails the events go to standard
     * error instead, led by a {@code log_error} event that says why.
     */
    static EventSink open(LogSettings.Sink sink) {
        if (sink instanceof LogSettings.Sink.File file) {
            return openFile(file.path());
        }
        if (sink instanceof LogSettings.Sink.Stdout) {
            return new EventSink(System.out, false, null);
        }
        return new EventSink(System.err, false, null);
    }

    private static EventSink openFile(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            OutputStream stream = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return new EventSink(stream, true, null);
        } catch (IOException | RuntimeException e) {
            Event problem = Event.builder("log_error")
                    .error(e)
                    .reason("cannot write events to " + path + "; writing them to stderr instead. Check that the"
                            + " directory of agent.log.sink is writable, or use sink: stderr")
                    .build();
            return new EventSink(System.err, false, problem);
        }
    }
}
