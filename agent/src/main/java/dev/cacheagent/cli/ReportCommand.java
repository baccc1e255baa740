package dev.cacheagent.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code report events.jsonl [--html report.html]}: per rule, calls, hit rate, latency percentiles
 * of hits and misses, time and cost saved, read from an event log in the JSON format; with
 * {@code --html}, also a self-contained page with latency charts.
 */
final class ReportCommand implements Command {
    private final PrintStream out;
    private final PrintStream err;

    ReportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String synopsis() {
        return "report <events.jsonl> [--html <report.html>]";
    }

    @Override
    public ExitStatus run(List<String> args) throws UsageException {
        Arguments arguments = Arguments.parse(args, synopsis(), Set.of("html"), 1);
        Path events = Path.of(arguments.positional(0));
        Optional<Path> html = arguments.option("html").map(Path::of);

        Report report;
        // A decoder that replaces bad bytes, so a damaged line is skipped like any other non-event line.
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(Files.newInputStream(events), StandardCharsets.UTF_8))) {
            ReportBuilder builder = new ReportBuilder();
            EventLogReader.Counts counts = new EventLogReader().read(lines, builder);
            report = builder.build(events.toString(), counts);
        } catch (IOException e) {
            err.println("cannot read the event log " + events + ": " + describe(e)
                    + " — give the file the agent wrote (agent.log.sink: file:<path>)");
            return ExitStatus.FAILED;
        }
        ReportTable.print(report, out);
        if (html.isPresent()) {
            try {
                Files.writeString(html.get(), HtmlReport.render(report), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("cannot write " + html.get() + ": " + describe(e) + " — give a writable path to --html");
                return ExitStatus.FAILED;
            }
            out.println();
            out.println("wrote " + html.get());
        }
        return ExitStatus.OK;
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
