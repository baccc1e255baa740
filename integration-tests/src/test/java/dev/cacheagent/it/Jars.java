package dev.cacheagent.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build left the artifacts under test (paths passed in by the pom). */
final class Jars {
    private Jars() {}

    static Path agent() {
        return existing("agent.jar", "run `mvn package` first: the agent jar is built by the agent module");
    }

    static Path testApp() {
        return existing("testapp.jar", "run `mvn package` first: the test-app jar is built by the test-app module");
    }

    static Path sample(String fileName) {
        return existing("samples.dir", "config-samples/ is missing").resolve(fileName);
    }

    static Path newestJdk() {
        return existing("newest.jdk", "install the newest JDK (Temurin 25) under /usr/lib/jvm, as the machine image has it");
    }

    private static Path existing(String property, String hint) {
        String value = System.getProperty(property);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IllegalStateException(property + " not found at " + value + ": " + hint);
        }
        return Path.of(value);
    }
}
