package dev.cacheagent.config;

import java.nio.file.Path;

/** {@code agent.log}: where events go and in which format. */
public record LogSettings(Sink sink, Format format) {

    /** One JSON object a line, or a human-readable text line. */
    public enum Format { JSON, TEXT }

    /** Where event lines are written. */
    public sealed interface Sink {
        /** The process's standard error. */
        record Stderr() implements Sink {}

        /** The process's standard output. */
        record Stdout() implements Sink {}

        /** Appended to a file. */
        record File(Path path) implements Sink {}
    }

    public static LogSettings defaults() {
        return new LogSettings(new Sink.Stderr(), Format.JSON);
    }
}
