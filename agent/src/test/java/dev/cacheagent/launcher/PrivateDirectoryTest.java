package dev.cacheagent.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirectoryTest {
    @TempDir
    Path parent;

    private final AtomicLong counter = new AtomicLong(0x10);

    @Test
    void create_makesANewDirectoryOnlyItsOwnerCanEnter() throws IOException {
        Path made = PrivateDirectory.create(parent, "cache-agent", counter::getAndIncrement);

        assertThat(made).isDirectory().hasParent(parent);
        assertThat(made.getFileName().toString()).startsWith("cache-agent-" + ProcessHandle.current().pid() + "-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");
    }

    @Test
    void create_twice_makesTwoDirectories() throws IOException {
        Path first = PrivateDirectory.create(parent, "cache-agent", counter::getAndIncrement);
        Path second = PrivateDirectory.create(parent, "cache-agent", counter::getAndIncrement);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void create_nameTakenBySomeoneElsesLink_triesTheNextNameAndNeverUsesTheLink() throws IOException {
        Path elsewhere = Files.createDirectory(parent.resolve("elsewhere"));
        String pid = Long.toString(ProcessHandle.current().pid());
        Path link = Files.createSymbolicLink(parent.resolve("cache-agent-" + pid + "-10-0"), elsewhere);

        Path made = PrivateDirectory.create(parent, "cache-agent", () -> 0x10);

        assertThat(made.getFileName().toString()).isEqualTo("cache-agent-" + pid + "-10-1");
        assertThat(made).isDirectory();
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void create_everyNameTaken_failsWithWhereItLooked() throws IOException {
        String pid = Long.toString(ProcessHandle.current().pid());
        for (int attempt = 0; attempt < 100; attempt++) {
            Files.createDirectory(parent.resolve("cache-agent-" + pid + "-10-" + attempt));
        }

        assertThatThrownBy(() -> PrivateDirectory.create(parent, "cache-agent", () -> 0x10))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(parent.toString());
    }
}
