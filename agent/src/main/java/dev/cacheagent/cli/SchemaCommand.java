package dev.cacheagent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code schema}: prints the JSON Schema (draft 2020-12) of the rule file, for editors. It is kept
 * as a resource next to this class, written by hand, so that its descriptions read as documentation.
 */
final class SchemaCommand implements Command {
    static final String RESOURCE = "rule-file.schema.json";

    private final PrintStream out;

    SchemaCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String synopsis() {
        return "schema";
    }

    @Override
    public ExitStatus run(List<String> args) throws UsageException {
        Arguments.parse(args, synopsis(), Set.of(), 0);
        out.print(schema());
        out.flush();
        return ExitStatus.OK;
    }

    /** The schema's text. */
    static String schema() {
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the agent jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
