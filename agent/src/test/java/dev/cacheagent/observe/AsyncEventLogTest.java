package dev.cacheagent.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cacheagent.config.LogSettings;
import dev.cacheagent.config.LogSettings.Format;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncEventLogTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long TS = Instant.parse("2026-11-22T00:10:00.123Z").toEpochMilli();

    private static Event hit(String key) {
        return Event.builder("hit").timestampMillis(TS).channel("prompt-cache").key(key).build();
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void emit_writesOneJsonLinePerEvent() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AsyncEventLog log = new AsyncEventLog(out, false, Format.JSON, 16)) {
            log.emit(hit("a"));
            log.emit(hit("b"));

            assertThat(log.flush(WAIT)).isTrue();
            assertThat(lines(out)).containsExactly(
                    "{\"ts\":\"2026-11-22T00:10:00.123Z\",\"event\":\"hit\",\"channel\":\"prompt-cache\",\"key\":\"a\"}",
                    "{\"ts\":\"2026-11-22T00:10:00.123Z\",\"event\":\"hit\",\"channel\":\"prompt-cache\",\"key\":\"b\"}");
        }
    }

    @Test
    void emit_writesTextLinesInTextFormat() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AsyncEventLog log = new AsyncEventLog(out, false, Format.TEXT, 16)) {
            log.emit(hit("a"));

            log.flush(WAIT);
            assertThat(lines(out)).containsExactly("2026-11-22T00:10:00.123Z [prompt-cache] hit key=a");
        }
    }

    @Test
    void emit_neverBlocksWhenTheWriterIsStuck_dropsAndCountsOnceFull() throws InterruptedException {
        BlockingStream out = new BlockingStream();
        try (AsyncEventLog log = new AsyncEventLog(out, false, Format.JSON, 4)) {
            log.emit(hit("in-flight"));
            assertThat(out.entered.await(5, TimeUnit.SECONDS)).isTrue();

            assertTimeoutPreemptively(WAIT, () -> {
                for (int i = 0; i < 10; i++) {
                    log.emit(hit("k" + i));
                }
            });

            // The capacity counts every event not yet written, the one stuck in the sink included.
            assertThat(log.dropped()).isEqualTo(7);
            out.release.countDown();
            assertThat(log.flush(WAIT)).isTrue();
            assertThat(lines(out.written)).hasSize(4);
        }
    }

    @Test
    void emit_acceptsEventsAgainOnceTheWriterCaughtUp() throws InterruptedException {
        BlockingStream out = new BlockingStream();
        try (AsyncEventLog log = new AsyncEventLog(out, false, Format.JSON, 2)) {
            log.emit(hit("a"));
            out.entered.await(5, TimeUnit.SECONDS);
            log.emit(hit("b"));
            log.emit(hit("dropped"));
            out.release.countDown();
            log.flush(WAIT);

            log.emit(hit("c"));

            log.flush(WAIT);
            assertThat(log.dropped()).isEqualTo(1);
            assertThat(lines(out.written)).hasSize(3).noneMatch(line -> line.contains("dropped"));
        }
    }

    @Test
    void flush_returnsFalseWhenTheWriterCannotCatchUpInTime() throws InterruptedException {
        BlockingStream out = new BlockingStream();
        try (AsyncEventLog log = new AsyncEventLog(out, false, Format.JSON, 4)) {
            log.emit(hit("a"));
            out.entered.await(5, TimeUnit.SECONDS);

            assertThat(log.flush(Duration.ofMillis(20))).isFalse();
            out.release.countDown();
        }
    }

    @Test
    void close_writesEverythingQueued() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsyncEventLog log = new AsyncEventLog(out, false, Format.JSON, 10_000);
        for (int i = 0; i < 2000; i++) {
            log.emit(hit("k" + i));
        }

        log.close();

        assertThat(lines(out)).hasSize(2000).last().asString().contains("\"key\":\"k1999\"");
        assertThat(log.dropped()).isZero();
    }

    @Test
    void close_stopsTheWriterThread() {
        List<Thread> before = writerThreads();
        AsyncEventLog log = new AsyncEventLog(new ByteArrayOutputStream(), false, Format.JSON, 16);
        List<Thread> started = writerThreads().stream().filter(t -> !before.contains(t)).toList();

        log.close();

        assertThat(started).singleElement().satisfies(thread -> assertThat(thread.isAlive()).isFalse());
    }

    @Test
    void writer_isOneDaemonThreadNamedCacheAgentEvents() {
        List<Thread> before = writerThreads();
        try (AsyncEventLog log = new AsyncEventLog(new ByteArrayOutputStream(), false, Format.JSON, 16)) {
            assertThat(writerThreads().stream().filter(t -> !before.contains(t)))
                    .singleElement().satisfies(thread -> assertThat(thread.isDaemon()).isTrue());
        }
    }

    @Test
    void close_closesAStreamTheLogOwns() {
        ClosableStream out = new ClosableStream();

        new AsyncEventLog(out, true, Format.JSON, 16).close();

        assertThat(out.closed).isTrue();
    }

    @Test
    void close_onlyFlushesAStreamItDoesNotOwn() {
        ClosableStream out = new ClosableStream();

        new AsyncEventLog(out, false, Format.JSON, 16).close();

        assertThat(out.closed).isFalse();
        assertThat(out.flushed).isTrue();
    }

    @Test
    void emit_afterClose_isDroppedAndCounted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsyncEventLog log = new AsyncEventLog(out, false, Format.JSON, 16);
        log.close();

        log.emit(hit("late"));

        assertThat(log.dropped()).isEqualTo(1);
        assertThat(out.size()).isZero();
    }

    @Test
    void emit_anEventThatCannotBeFormatted_dropsOnlyThatEvent() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        };
        try (AsyncEventLog log = new AsyncEventLog(out, false, Format.JSON, 16)) {
            log.emit(hit("a"));
            log.emit(Event.builder("hit").attribute("value", hostile).build());
            log.emit(hit("b"));

            log.flush(WAIT);
            assertThat(log.dropped()).isEqualTo(1);
            assertThat(lines(out)).hasSize(2);
        }
    }

    @Test
    void emit_whenTheSinkFails_countsTheLostEventsAndKeepsWriting() {
        FailingOnceStream out = new FailingOnceStream();
        try (AsyncEventLog log = new AsyncEventLog(out, false, Format.JSON, 16)) {
            log.emit(hit("lost"));
            log.flush(WAIT);

            log.emit(hit("kept"));

            log.flush(WAIT);
            assertThat(log.dropped()).isEqualTo(1);
            assertThat(lines(out.written)).singleElement().asString().contains("kept");
        }
    }

    @Test
    void open_stderrSink_writesToTheProcessStandardError() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        AsyncEventLog log;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            log = AsyncEventLog.open(new LogSettings(new LogSettings.Sink.Stderr(), Format.TEXT));
        } finally {
            System.setErr(original);
        }

        log.emit(hit("a"));
        log.close();

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .isEqualTo("2026-11-22T00:10:00.123Z [prompt-cache] hit key=a\n");
    }

    @Test
    void open_stdoutSink_writesToTheProcessStandardOutput() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        AsyncEventLog log;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            log = AsyncEventLog.open(new LogSettings(new LogSettings.Sink.Stdout(), Format.TEXT));
        } finally {
            System.setOut(original);
        }

        log.emit(hit("a"));
        log.close();

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .isEqualTo("2026-11-22T00:10:00.123Z [prompt-cache] hit key=a\n");
    }

    @Test
    void open_fileSink_createsParentDirectoriesAndWritesLines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("logs/app/cache-events.jsonl");

        try (AsyncEventLog log = AsyncEventLog.open(new LogSettings(new LogSettings.Sink.File(file), Format.JSON))) {
            log.emit(hit("a"));
        }

        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"ts\":\"2026-11-22T00:10:00.123Z\",\"event\":\"hit\",\"channel\":\"prompt-cache\",\"key\":\"a\"}");
    }

    @Test
    void open_fileSink_appendsToAnExistingFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("events.log");
        Files.writeString(file, "earlier line\n");

        try (AsyncEventLog log = AsyncEventLog.open(new LogSettings(new LogSettings.Sink.File(file), Format.TEXT))) {
            log.emit(hit("a"));
        }

        assertThat(Files.readAllLines(file))
                .containsExactly("earlier line", "2026-11-22T00:10:00.123Z [prompt-cache] hit key=a");
    }

    @Test
    void open_fileSinkThatCannotBeOpened_fallsBackToStderrAndSaysWhy(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = notADirectory.resolve("events.log");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        AsyncEventLog log;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            log = AsyncEventLog.open(new LogSettings(new LogSettings.Sink.File(file), Format.JSON));
        } finally {
            System.setErr(original);
        }

        log.emit(hit("a"));
        log.close();

        List<String> lines = lines(captured);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"event\":\"log_error\"", "\"error\":\"java.nio.file.",
                "\"reason\":\"cannot write events to " + file + "; writing them to stderr instead.");
        assertThat(lines.get(1)).contains("\"key\":\"a\"");
    }

    private static List<Thread> writerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(AsyncEventLog.THREAD_NAME) && t.isAlive())
                .toList();
    }

    /** A sink whose first write blocks until released, like a stuck pipe. */
    private static final class BlockingStream extends OutputStream {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final ByteArrayOutputStream written = new ByteArrayOutputStream();

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            written.write(b, off, len);
        }
    }

    private static final class ClosableStream extends OutputStream {
        volatile boolean closed;
        volatile boolean flushed;

        @Override
        public void write(int b) {}

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class FailingOnceStream extends OutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private boolean failed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!failed) {
                failed = true;
                throw new IOException("disk full");
            }
            written.write(b, off, len);
        }
    }
}
