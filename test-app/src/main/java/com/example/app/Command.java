package com.example.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the command line asks for. */
sealed interface Command {

    String USAGE = """
            usage: java -jar test-app.jar demo [--requests N] [--seed S] [--threads T]
                   java -jar test-app.jar serve --port N        (0 = any free port)
                   java -jar test-app.jar provider --port N     (a standalone provider stub, for PROVIDER_URL)
            settings (environment variables or system properties): DB_URL, DB_USER, DB_PASSWORD, DB_DELAY_MS,
                   PROVIDER_DELAY_MS, PROVIDER_URL, BUILD_DELAY_MS""";

    long DEFAULT_SEED = 42;

    /** Run the scripted workload once and print its summary. */
    record Demo(int requests, long seed, int threads) implements Command {}

    /** Serve the services over HTTP until {@code POST /shutdown}. */
    record Serve(int port) implements Command {}

    /** Run only a provider stub, for other instances to share through {@code PROVIDER_URL}. */
    record Provider(int port) implements Command {}

    /** The arguments do not make a command; the message says what is wrong. */
    final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static Command parse(String... args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        Map<String, String> options = options(args);
        return switch (args[0]) {
            case "demo" -> {
                allow(args[0], options, "--requests", "--seed", "--threads");
                yield new Demo(number(options, "--requests", 200, 1), seed(options), number(options, "--threads", 4, 1));
            }
            case "serve" -> {
                allow(args[0], options, "--port");
                yield new Serve(port(options));
            }
            case "provider" -> {
                allow(args[0], options, "--port");
                yield new Provider(port(options));
            }
            default -> throw new UsageException("unknown command '" + args[0] + "'; use demo, serve or provider");
        };
    }

    private static Map<String, String> options(String[] args) throws UsageException {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new UsageException("unexpected argument '" + args[i] + "'; options look like --requests 50");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option " + args[i] + " needs a value");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static void allow(String command, Map<String, String> options, String... known) throws UsageException {
        List<String> unknown = new ArrayList<>(options.keySet());
        unknown.removeAll(List.of(known));
        if (!unknown.isEmpty()) {
            throw new UsageException("unknown option " + unknown.get(0) + " for " + command + "; it takes "
                    + String.join(", ", known));
        }
    }

    private static int port(Map<String, String> options) throws UsageException {
        if (!options.containsKey("--port")) {
            throw new UsageException("--port is required (0 = any free port)");
        }
        int port = number(options, "--port", 0, 0);
        if (port > 65_535) {
            throw new UsageException("--port must be between 0 and 65535, got " + port);
        }
        return port;
    }

    private static int number(Map<String, String> options, String option, int defaultValue, int minimum)
            throws UsageException {
        String value = options.get(option);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a whole number of at least " + minimum + ", got '" + value + "'");
    }

    private static long seed(Map<String, String> options) throws UsageException {
        String value = options.get("--seed");
        if (value == null) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number, got '" + value + "'");
        }
    }
}
