package dev.cacheagent.benchmarks.drivers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} command-line options of a driver, each checked against the names it knows. */
final class Options {
    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @throws IllegalArgumentException naming the option at fault and the ones allowed
     */
    static Options parse(String[] args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option '" + name + "'; the options are --"
                        + String.join(", --", known.stream().sorted().toList()));
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            values.put(name.substring(2), args[i + 1]);
        }
        return new Options(values);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    int number(String name, int defaultValue) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option --" + name + " takes a positive whole number, got '" + text + "'");
    }

    /** A whole number from 0 to 100. */
    int percent(String name, int defaultValue) {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("option --" + name + " takes a percentage from 0 to 100, got '" + text + "'");
    }

    /** A path that must exist. */
    Path existingPath(String name, String defaultValue) {
        Path path = Path.of(values.getOrDefault(name, defaultValue));
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--" + name + ": " + path.toAbsolutePath() + " does not exist"
                    + (values.containsKey(name) ? "" : " (the default; build it or pass --" + name + ")"));
        }
        return path;
    }

    Path path(String name, String defaultValue) {
        return Path.of(values.getOrDefault(name, defaultValue));
    }
}
