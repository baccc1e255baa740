package dev.cacheagent.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The errors found in one rule file so far, reported in file order. */
final class Problems {
    /** A hostile file could otherwise produce millions of errors; nobody reads past the first screens. */
    static final int LIMIT = 200;

    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();
    private int dropped;

    Problems(String file) {
        this.file = file;
    }

    void add(Position position, String where, String what, String fix) {
        if (errors.size() < LIMIT) {
            errors.add(new ConfigError(position, where, what, fix));
        } else {
            dropped++;
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Every error, ordered by line and column. */
    ConfigException exception() {
        return exception(false);
    }

    /** Every error, ordered by line and column; {@code failFast} as in {@link ConfigException#failFast()}. */
    ConfigException exception(boolean failFast) {
        List<ConfigError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt((ConfigError e) -> e.position().line())
                .thenComparingInt(e -> e.position().column()));
        if (dropped > 0) {
            sorted.add(new ConfigError(new Position(file, 1, 1), "rule file",
                    dropped + " more errors not shown", "fix the errors above and check the file again"));
        }
        return new ConfigException(sorted, failFast);
    }
}
