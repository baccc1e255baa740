package dev.cacheagent.launcher;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A new directory only this user can enter, for the bridge jar that goes on the bootstrap class path.
 *
 * <p>Not {@link Files#createTempDirectory}: it draws its names from a {@code SecureRandom}, whose first use costs
 * the application's main thread some 20 ms in {@code premain} (the security providers and the seed), a cost an
 * application that never makes one would not pay without the agent. Safety does not come from the name being
 * unguessable but from {@link Files#createDirectory} failing on any name that exists, a symbolic link included:
 * a name taken, by accident or on purpose, only makes it try the next one.
 */
final class PrivateDirectory {
    private static final int ATTEMPTS = 100;

    private PrivateDirectory() {}

    /** A new directory under {@code java.io.tmpdir}. */
    static Path create(String prefix) throws IOException {
        // Not ProcessHandle's pid: its class sets up the JVM's process reaper, another cost of its own in premain.
        return create(Path.of(System.getProperty("java.io.tmpdir")), prefix, System.nanoTime());
    }

    /** @param unique a number unlikely to repeat from one call to the next, part of each name tried */
    static Path create(Path parent, String prefix, long unique) throws IOException {
        String stem = prefix + "-" + Long.toHexString(unique) + "-";
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAlreadyExistsException taken = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path candidate = parent.resolve(stem + attempt);
            try {
                return posix ? Files.createDirectory(candidate, ownerOnly()) : Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                taken = e;
            }
        }
        throw new IOException("no free directory name under " + parent + " after " + ATTEMPTS + " attempts", taken);
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    }
}
