package dev.cacheagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fixture.attach.RecordingAgent;
import fixture.attach.WaitingApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachCommandTest {
    /** Above Linux's largest pid_max (2^22): no process ever has it. */
    private static final String NO_SUCH_PID = "99999999";

    @TempDir
    Path temp;

    @Test
    void attach_loadsTheAgentIntoARunningJvm_withTheRuleFilesAbsolutePath() throws Exception {
        Path rules = Files.writeString(temp.resolve("rules.yaml"), "version: 1\n");
        Path record = temp.resolve("agent-args.txt");
        Process app = new ProcessBuilder(javaExecutable(), "-D" + RecordingAgent.RECORD + "=" + record, "-cp",
                testClasses().toString(), WaitingApp.class.getName()).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo(WaitingApp.READY);

            Cli.Outcome outcome = Cli.run(recordingAgentJar(), "attach", Long.toString(app.pid()), rules.toString());

            assertThat(outcome.err()).isEmpty();
            assertThat(outcome.status()).isZero();
            assertThat(outcome.out()).startsWith("cache-agent loaded into process " + app.pid() + " with "
                    + rules.toAbsolutePath());
            assertThat(Files.readString(record)).isEqualTo(rules.toAbsolutePath().toString());
        } finally {
            app.destroyForcibly().waitFor();
        }
    }

    @Test
    void attach_toAPidWithoutAProcess_failsWithStatus1_sayingHowToFindPids() throws IOException {
        Path rules = Files.writeString(temp.resolve("rules.yaml"), "version: 1\n");

        Cli.Outcome outcome = Cli.run("attach", NO_SUCH_PID, rules.toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("no process with pid " + NO_SUCH_PID
                + " — list running JVMs with `jps -l`\n");
    }

    @Test
    void attach_thatTheTargetRefuses_failsWithStatus1_sayingWhatTheTargetMustBe() throws IOException {
        Path rules = Files.writeString(temp.resolve("rules.yaml"), "version: 1\n");
        String self = Long.toString(ProcessHandle.current().pid());

        // A JVM refuses to attach to itself unless started with -Djdk.attach.allowAttachSelf=true.
        Cli.Outcome outcome = Cli.run("attach", self, rules.toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("cannot attach to process " + self + ": ")
                .endsWith(" — the target must be a Java 17+ HotSpot JVM run by the same user as this command (run it"
                        + " as that user), not started with -XX:+DisableAttachMechanism\n");
    }

    @Test
    void attach_withAMissingRuleFile_failsWithStatus1() {
        Path missing = temp.resolve("missing.yaml");

        Cli.Outcome outcome = Cli.run("attach", Long.toString(ProcessHandle.current().pid()), missing.toString());

        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).isEqualTo("rule file " + missing.toAbsolutePath()
                + " does not exist — give the path of the rule file to load\n");
    }

    @Test
    void attach_withAPidThatIsNotANumber_isBadUsage() {
        Cli.Outcome outcome = Cli.run("attach", "my-service", "rules.yaml");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("cache-agent attach: 'my-service' is not a process id — give the pid of"
                + " the JVM, e.g. attach 12345 rules.yaml (list running JVMs with `jps -l`)\n");
    }

    @Test
    void attach_withoutTheRuleFile_isBadUsage() {
        Cli.Outcome outcome = Cli.run("attach", "12345");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("cache-agent attach: missing argument — write: attach <pid> <rules.yaml>");
    }

    /** A jar whose Agent-Class is {@link RecordingAgent}. */
    private Path recordingAgentJar() throws IOException, URISyntaxException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Agent-Class", RecordingAgent.class.getName());
        Path jar = temp.resolve("recording-agent.jar");
        String entry = RecordingAgent.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(testClasses().resolve(entry)));
            out.closeEntry();
        }
        return jar;
    }

    private static Path testClasses() throws URISyntaxException {
        return Path.of(WaitingApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
