package dev.cacheagent.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirectoryTest {
    @TempDir
    Path parent;

    @Test
    void create_makesANewDirectoryOnlyItsOwnerCanEnter() throws IOException {
        Path made = PrivateDirectory.create(parent, "cache-agent", 0x10);

        assertThat(made).isDirectory().hasParent(parent);
        assertThat(made.getFileName().toString()).isEqualTo("cache-agent-10-0");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rwx------");
    }

    @Test
    void create_twice_makesTwoDirectories() throws IOException {
        Path first = PrivateDirectory.create(parent, "cache-agent", 0x10);
        Path second = PrivateDirectory.create(parent, "cache-agent", 0x10);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void create_nameTakenBySomeoneElsesLink_triesTheNextNameAndNeverUsesTheLink() throws IOException {
        Path elsewhere = Files.createDirectory(parent.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(parent.resolve("cache-agent-10-0"), elsewhere);

        Path made = PrivateDirectory.create(parent, "cache-agent", 0x10);

        assertThat(made.getFileName().toString()).isEqualTo("cache-agent-10-1");
        assertThat(made).isDirectory();
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void create_everyNameTaken_failsWithWhereItLooked() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Files.createDirectory(parent.resolve("cache-agent-10-" + attempt));
        }

        assertThatThrownBy(() -> PrivateDirectory.create(parent, "cache-agent", 0x10))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(parent.toString());
    }
}
