package dev.cacheagent.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's class loader: classes and resources from under a prefix of a jar, the JDK from its parent, nothing else. */
class AgentClassLoaderTest {
    private static final String PREFIX = "META-INF/cache-agent/core/";
    private static final String GREETING = Greeting.class.getName();

    @TempDir
    Path dir;
    private AgentClassLoader loader;

    /** A class the test jar carries under the prefix. */
    public static final class Greeting {
        @Override
        public String toString() {
            return "hello";
        }
    }

    @BeforeEach
    void jarWithACoreUnderThePrefix() throws IOException {
        Path jar = dir.resolve("agent.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "9.9.9");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            String classFile = GREETING.replace('.', '/') + ".class";
            put(out, PREFIX + classFile, classBytes(classFile));
            put(out, PREFIX + "notes/readme.txt", "read me".getBytes(StandardCharsets.UTF_8));
            put(out, "outside/Elsewhere.class", classBytes(classFile));
        }
        loader = new AgentClassLoader(List.of(new AgentClassLoader.Source(jar, PREFIX)));
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static byte[] classBytes(String classFile) throws IOException {
        try (InputStream in = AgentClassLoaderTest.class.getClassLoader().getResourceAsStream(classFile)) {
            return in.readAllBytes();
        }
    }

    @Test
    void loadClass_aClassUnderThePrefix_isDefinedByThisLoader() throws Exception {
        Class<?> greeting = loader.loadClass(GREETING);
        assertThat(greeting.getClassLoader()).isSameAs(loader);
        assertThat(greeting).isNotSameAs(Greeting.class);
        assertThat(greeting.getDeclaredConstructor().newInstance()).hasToString("hello");
    }

    @Test
    void loadClass_definesThePackageWithTheJarsManifest() throws Exception {
        assertThat(loader.loadClass(GREETING).getPackage().getImplementationVersion()).isEqualTo("9.9.9");
    }

    @Test
    void loadClass_theJdk_comesFromTheParent() throws Exception {
        assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
        assertThat(loader.loadClass("java.sql.Connection")).isSameAs(java.sql.Connection.class);
    }

    @Test
    void loadClass_theApplicationsClasses_areNotVisible() {
        assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> loader.loadClass(AgentClassLoaderTest.class.getName()));
        assertThatExceptionOfType(ClassNotFoundException.class)
                .isThrownBy(() -> loader.loadClass("org.junit.jupiter.api.Test"));
    }

    @Test
    void loadClass_anEntryOutsideThePrefix_isNotAClass() {
        assertThatExceptionOfType(ClassNotFoundException.class).isThrownBy(() -> loader.loadClass("outside.Elsewhere"));
    }

    @Test
    void getResource_readsUnderThePrefix() throws IOException {
        URL resource = loader.getResource("notes/readme.txt");
        assertThat(resource).isNotNull();
        try (InputStream in = resource.openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("read me");
        }
        assertThat(Collections.list(loader.getResources("notes/readme.txt"))).containsExactly(resource);
        assertThat(loader.getResource("outside/Elsewhere.class")).isNull();
    }
}
