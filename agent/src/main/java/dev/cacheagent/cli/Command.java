package dev.cacheagent.cli;

import java.util.List;

/** One command of the command line: {@code validate}, {@code schema}, {@code report}, {@code attach}. */
interface Command {

    /** How the command is written, e.g. {@code schema}; shown when its arguments are wrong. */
    String synopsis();

    /**
     * Runs the command with the arguments that follow its name.
     *
     * @throws UsageException when the arguments are wrong (exit status 2)
     */
    ExitStatus run(List<String> args) throws UsageException;
}
