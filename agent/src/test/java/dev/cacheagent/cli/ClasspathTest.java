package dev.cacheagent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathTest {
    @TempDir
    Path base;

    @Test
    void parse_keepsJarsAndDirectoriesInOrder() throws IOException, UsageException {
        Files.createFile(base.resolve("app.jar"));
        Files.createDirectory(base.resolve("classes"));

        assertThat(Classpath.parse("app.jar" + File.pathSeparator + "classes", base))
                .containsExactly(base.resolve("app.jar"), base.resolve("classes"));
    }

    @Test
    void parse_expandsDirStarToEveryJarInTheDirectory_sorted() throws IOException, UsageException {
        Path lib = Files.createDirectory(base.resolve("lib"));
        Files.createFile(lib.resolve("b.jar"));
        Files.createFile(lib.resolve("a.JAR"));
        Files.createFile(lib.resolve("notes.txt"));

        assertThat(Classpath.parse("lib/*", base)).containsExactly(lib.resolve("a.JAR"), lib.resolve("b.jar"));
    }

    @Test
    void parse_rejectsAnEntryThatDoesNotExist_sayingWhereRelativePathsStart() {
        assertThatThrownBy(() -> Classpath.parse("missing.jar", base))
                .isInstanceOf(UsageException.class)
                .hasMessage("classpath entry 'missing.jar' does not exist — check the path (relative paths start at "
                        + base.toAbsolutePath().normalize() + ")");
    }

    @Test
    void parse_rejectsDirStarOverSomethingThatIsNotADirectory() {
        assertThatThrownBy(() -> Classpath.parse("nolib/*", base))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("classpath entry 'nolib/*': ")
                .hasMessageEndingWith(" is not a directory — dir/* means every jar in dir");
    }

    @Test
    void parse_rejectsAClasspathThatNamesNothing() {
        assertThatThrownBy(() -> Classpath.parse(File.pathSeparator, base))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--classpath names no jar or directory");
    }
}
