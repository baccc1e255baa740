package dev.cacheagent.cli;

import dev.cacheagent.config.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command line as {@code java -jar cache-agent.jar …} would, capturing what it prints. */
final class Cli {
    private Cli() {}

    /** What a run printed and its exit status. */
    record Outcome(int status, String out, String err) {}

    static Outcome run(String... args) {
        return run(Path.of("cache-agent.jar"), args);
    }

    static Outcome run(Path agentJar, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new CommandLine(o, e, Environment.of(Map.of(), Map.of()), agentJar).run(args);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
