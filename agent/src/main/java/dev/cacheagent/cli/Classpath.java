package dev.cacheagent.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code --classpath} of {@code validate}, as {@code java -cp} reads it: jar files and class
 * directories separated by the platform's path separator, and {@code dir/*} for every jar in
 * {@code dir}.
 */
final class Classpath {
    private Classpath() {}

    /**
     * The jars and directories the text names, in order, relative paths resolved against {@code base}.
     *
     * @throws UsageException when an entry does not exist, or the text names nothing
     */
    static List<Path> parse(String text, Path base) throws UsageException {
        List<Path> entries = new ArrayList<>();
        for (String entry : text.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.equals("*") || entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
                entries.addAll(jarsIn(base.resolve(entry.substring(0, entry.length() - 1)), entry));
            } else {
                Path path = base.resolve(entry);
                if (!Files.exists(path)) {
                    throw new UsageException("classpath entry '" + entry + "' does not exist — check the path"
                            + " (relative paths start at " + base.toAbsolutePath().normalize() + ")");
                }
                entries.add(path);
            }
        }
        if (entries.isEmpty()) {
            throw new UsageException("--classpath names no jar or directory — give e.g. --classpath app.jar"
                    + File.pathSeparator + "lib/*");
        }
        return entries;
    }

    private static List<Path> jarsIn(Path directory, String entry) throws UsageException {
        if (!Files.isDirectory(directory)) {
            throw new UsageException("classpath entry '" + entry + "': " + directory + " is not a directory"
                    + " — dir/* means every jar in dir");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UsageException("classpath entry '" + entry + "': cannot list " + directory + " ("
                    + e.getMessage() + ")");
        }
    }
}
