package dev.cacheagent.cli;

import dev.cacheagent.config.Environment;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar cache-agent.jar <command> …}: finds the command and runs it. Exit status 0 on
 * success, 1 when {@code validate} finds errors or a command fails, 2 on bad usage (with the usage
 * text on standard error); {@code help} prints the usage text on standard output.
 *
 * <p>What a command finds (a rule file's errors, a dry run, a report) goes to standard output, so it
 * can be piped or saved; bad usage and failures to do the job (a file that cannot be read, an attach
 * that failed) go to standard error.
 */
public final class CommandLine {
    private static final Set<String> HELP = Set.of("help", "--help", "-h");
    private static final Set<String> HELP_OPTIONS = Set.of("--help", "-h");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    CommandLine(PrintStream out, PrintStream err, Environment environment, Path agentJar) {
        this.out = out;
        this.err = err;
        commands.put("validate", new ValidateCommand(out, err, environment));
        commands.put("schema", new SchemaCommand(out));
        commands.put("report", new ReportCommand(out, err));
        commands.put("attach", new AttachCommand(out, err, agentJar));
    }

    /**
     * Called by the launcher in the agent's class loader.
     *
     * @param agentJar {@code cache-agent.jar} itself, which {@code attach} loads into the target JVM
     * @return the exit status
     */
    public static int main(String[] args, Path agentJar) {
        return new CommandLine(System.out, System.err, Environment.system(), agentJar).run(args);
    }

    int run(String... args) {
        if (args.length == 0 || HELP.contains(args[0])) {
            out.print(usage());
            return ExitStatus.OK.code();
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("cache-agent: unknown command '" + args[0] + "' — use one of "
                    + String.join(", ", commands.keySet()));
            err.print(usage());
            return ExitStatus.USAGE.code();
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.stream().anyMatch(HELP_OPTIONS::contains)) {
            out.print(usage());
            return ExitStatus.OK.code();
        }
        try {
            return command.run(rest).code();
        } catch (UsageException e) {
            err.println("cache-agent " + args[0] + ": " + e.getMessage());
            err.print(usage());
            return ExitStatus.USAGE.code();
        } finally {
            out.flush();
            err.flush();
        }
    }

    static String usage() {
        String separator = File.pathSeparator;
        return """
                Usage: java -jar cache-agent.jar <command> [arguments]

                  validate <rules.yaml> [--classpath <entries>]
                      Check a rule file as the agent would read it: every error with file:line:col, what is
                      wrong and how to fix it. With --classpath (jars, class directories and dir/* for every
                      jar in dir, separated by '%1$s'), a dry run: every method each rule would instrument,
                      every rule_error, and every rule that matches nothing. Classes are read, never loaded.
                      Exit status 1 when the file has errors or a rule would raise a rule_error.

                  schema
                      Print the JSON Schema of the rule file, for editor completion and checks, e.g.
                      java -jar cache-agent.jar schema > cache-agent.schema.json
                      and start the rule file with
                      # yaml-language-server: $schema=./cache-agent.schema.json

                  report <events.jsonl> [--html <report.html>]
                      Per rule: calls, hit rate, p50/p95/p99 of hits and misses, time and cost saved, from an
                      event log in the JSON format. --html also writes a self-contained page with latency charts.

                  attach <pid> <rules.yaml>
                      Load the agent into a running JVM of the same user (`jps -l` lists them).

                  help
                      This text.

                Exit status: 0 success, 1 errors found or the command failed, 2 bad usage.
                """.formatted(separator);
    }
}
