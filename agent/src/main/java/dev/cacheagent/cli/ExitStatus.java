package dev.cacheagent.cli;

/** The exit statuses of the command line (SPEC §8). */
enum ExitStatus {
    /** The command did what was asked; {@code validate} found no errors. */
    OK(0),
    /** {@code validate} found errors, or the command could not do its job (a file it cannot read, an attach that failed). */
    FAILED(1),
    /** The command line itself is wrong: an unknown command or option, a missing argument. */
    USAGE(2);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
