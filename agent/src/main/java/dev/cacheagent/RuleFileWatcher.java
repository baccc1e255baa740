package dev.cacheagent;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Watches the rule file's directory ({@code agent.reload: true}) on a daemon thread,
 * {@code cache-agent-config-watch}, and calls back once the directory has been quiet for a moment
 * after a change that altered the file's content. Any change in the directory counts, so a file
 * replaced by a rename (editors) or behind a symbolic link (Kubernetes config maps) is seen too.
 */
final class RuleFileWatcher implements AutoCloseable {
    static final Duration QUIET = Duration.ofMillis(300);

    private final Path file;
    private final Runnable onChange;
    private final WatchService service;
    private final Thread thread;
    private byte[] digest;

    private RuleFileWatcher(Path file, Runnable onChange, WatchService service) {
        this.file = file;
        this.onChange = onChange;
        this.service = service;
        this.digest = digest(file);
        this.thread = new Thread(this::watch, "cache-agent-config-watch");
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
    }

    /** Starts watching; {@code onChange} runs on the watcher's thread. */
    static RuleFileWatcher start(Path file, Runnable onChange) throws IOException {
        Path absolute = file.toAbsolutePath();
        WatchService service = absolute.getFileSystem().newWatchService();
        try {
            absolute.getParent().register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        RuleFileWatcher watcher = new RuleFileWatcher(absolute, onChange, service);
        watcher.thread.start();
        return watcher;
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = service.take();
                drain(key);
                // Debounce: an editor's save is several events; act once they stop.
                WatchKey more;
                while ((more = service.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                byte[] now = digest(file);
                if (now != null && !Arrays.equals(now, digest)) {
                    digest = now;
                    try {
                        onChange.run();
                    } catch (RuntimeException e) {
                        // The reload reports its own failures; the watch goes on.
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // closed
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /** SHA-256 of the file's bytes, or {@code null} while it cannot be read (being replaced). */
    private static byte[] digest(Path file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing to release
        }
        thread.interrupt();
    }
}
