package dev.cacheagent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments: positional ones in order, and {@code --name value} (or {@code --name=value})
 * options.
 */
record Arguments(List<String> positionals, Map<String, String> options) {

    Arguments {
        positionals = List.copyOf(positionals);
        options = Map.copyOf(options);
    }

    /**
     * @param synopsis how the command is written, for messages, e.g. {@code report <events.jsonl> [--html <file>]}
     * @param optionNames the options the command takes, each with a value
     * @param positionalCount how many positional arguments the command takes
     */
    static Arguments parse(List<String> args, String synopsis, Set<String> optionNames, int positionalCount)
            throws UsageException {
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                positionals.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!optionNames.contains(name)) {
                throw new UsageException("unknown option '" + arg + "' — write: " + synopsis);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("option --" + name + " needs a value — write: " + synopsis);
            }
            if (options.put(name, value) != null) {
                throw new UsageException("option --" + name + " is given twice — give it once: " + synopsis);
            }
        }
        if (positionals.size() != positionalCount) {
            String problem = positionals.size() < positionalCount ? "missing argument" : "too many arguments";
            throw new UsageException(problem + " — write: " + synopsis);
        }
        return new Arguments(positionals, options);
    }

    String positional(int index) {
        return positionals.get(index);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
