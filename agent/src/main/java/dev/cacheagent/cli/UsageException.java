package dev.cacheagent.cli;

/** The command line is wrong; the message says what and how to write it instead. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
