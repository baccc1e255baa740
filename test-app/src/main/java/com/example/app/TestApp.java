package com.example.app;

import com.example.db.DatabaseException;
import com.example.provider.ProviderStub;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The test application's entry point.
 *
 * <pre>
 * java -jar test-app.jar demo [--requests N] [--seed S] [--threads T]   scripted workload, then a summary
 * java -jar test-app.jar serve --port N                                 the services over HTTP
 * java -jar test-app.jar provider --port N                              a standalone provider stub
 * </pre>
 *
 * Everything the application reports goes to stdout; stderr is left to whatever is attached to it. Exit status:
 * 0 on success, 1 when it cannot start, 2 on bad usage.
 */
public final class TestApp {

    static final int OK = 0;
    static final int CANNOT_START = 1;
    static final int BAD_USAGE = 2;

    private final AppSettings settings;
    private final PrintStream out;
    private final PrintStream err;

    TestApp(AppSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new TestApp(AppSettings.fromEnvironment(), System.out, System.err).run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("test-app: " + e.getMessage());
            status = CANNOT_START;
        }
        System.exit(status);
    }

    /** Runs one command to its end ({@code serve}: until {@code POST /shutdown}) and returns the exit status. */
    int run(String... args) {
        Command command;
        try {
            command = Command.parse(args);
        } catch (Command.UsageException e) {
            err.println("test-app: " + e.getMessage());
            err.println(Command.USAGE);
            return BAD_USAGE;
        }
        try {
            if (command instanceof Command.Demo demo) {
                return demo(demo);
            }
            if (command instanceof Command.Serve serve) {
                return serve(serve);
            }
            return provider((Command.Provider) command);
        } catch (IllegalArgumentException | DatabaseException | UncheckedIOException e) {
            err.println("test-app: cannot start: " + e.getMessage());
            return CANNOT_START;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("test-app: interrupted");
            return CANNOT_START;
        }
    }

    private int demo(Command.Demo demo) throws InterruptedException {
        try (Services services = Services.start(settings)) {
            DemoSummary summary = new DemoRunner(services).run(demo);
            summary.humanLines().forEach(out::println);
            out.println(summary.machineLine());
            out.flush();
            return OK;
        }
    }

    private int serve(Command.Serve serve) throws InterruptedException {
        try (Services services = Services.start(settings); HttpApi api = HttpApi.start(services, serve.port())) {
            out.println("READY port=" + api.port());
            out.flush();
            api.awaitShutdownRequest();
            return OK;
        }
    }

    private int provider(Command.Provider provider) throws InterruptedException {
        try (ProviderStub stub = ProviderStub.start(provider.port(), settings.providerDelay())) {
            out.println("READY port=" + stub.port());
            out.flush();
            // a standalone stub runs until the process is killed
            Thread.currentThread().join();
            return OK;
        }
    }
}
