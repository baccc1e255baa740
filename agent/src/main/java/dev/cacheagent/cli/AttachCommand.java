package dev.cacheagent.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code attach <pid> rules.yaml}: loads the agent into a running JVM, which then reads the rule file
 * itself and reports the outcome ({@code config_loaded} or {@code config_error}) in its own event log.
 *
 * <p>The Attach API ({@code jdk.attach}) belongs to the application class loader, which the agent's
 * isolated class loader cannot see; it is reached through its module, by reflection.
 */
final class AttachCommand implements Command {
    private static final String VIRTUAL_MACHINE = "com.sun.tools.attach.VirtualMachine";
    private static final String HOW_TO_FIND_PIDS = "list running JVMs with `jps -l`";

    private final PrintStream out;
    private final PrintStream err;
    private final Path agentJar;

    /** @param agentJar the jar to load into the target: {@code cache-agent.jar} itself */
    AttachCommand(PrintStream out, PrintStream err, Path agentJar) {
        this.out = out;
        this.err = err;
        this.agentJar = agentJar;
    }

    @Override
    public String synopsis() {
        return "attach <pid> <rules.yaml>";
    }

    @Override
    public ExitStatus run(List<String> args) throws UsageException {
        Arguments arguments = Arguments.parse(args, synopsis(), Set.of(), 2);
        String pid = arguments.positional(0);
        if (!pid.matches("[0-9]+")) {
            throw new UsageException("'" + pid + "' is not a process id — give the pid of the JVM, e.g. attach 12345"
                    + " rules.yaml (" + HOW_TO_FIND_PIDS + ")");
        }
        Path rules = Path.of(arguments.positional(1)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(rules)) {
            err.println("rule file " + rules + " does not exist — give the path of the rule file to load");
            return ExitStatus.FAILED;
        }
        if (rules.toString().contains(",")) {
            err.println("rule file path " + rules + " contains ',', which separates agent arguments — move or"
                    + " link the file to a path without one");
            return ExitStatus.FAILED;
        }
        if (ProcessHandle.of(parsePid(pid)).isEmpty()) {
            err.println("no process with pid " + pid + " — " + HOW_TO_FIND_PIDS);
            return ExitStatus.FAILED;
        }
        Optional<String> failure = attach(pid, rules);
        if (failure.isPresent()) {
            err.println(failure.get());
            return ExitStatus.FAILED;
        }
        out.println("cache-agent loaded into process " + pid + " with " + rules + "; it reports config_loaded"
                + " or config_error in that JVM's event log (agent.log.sink, stderr by default)");
        return ExitStatus.OK;
    }

    private static long parsePid(String pid) throws UsageException {
        try {
            return Long.parseLong(pid);
        } catch (NumberFormatException e) {
            throw new UsageException("'" + pid + "' is too large for a process id — " + HOW_TO_FIND_PIDS);
        }
    }

    /** Attaches and loads the agent; the reason it failed, if it did. */
    private Optional<String> attach(String pid, Path rules) {
        Optional<Class<?>> virtualMachine = ModuleLayer.boot().findModule("jdk.attach")
                .map(module -> Class.forName(module, VIRTUAL_MACHINE));
        if (virtualMachine.isEmpty()) {
            return Optional.of("attach needs the jdk.attach module, which this Java runtime lacks — run the"
                    + " command with a JDK's java");
        }
        try {
            Class<?> type = virtualMachine.get();
            Object vm = call(type.getMethod("attach", String.class), null, pid);
            try {
                call(type.getMethod("loadAgent", String.class, String.class), vm,
                        agentJar.toAbsolutePath().toString(), rules.toString());
            } finally {
                call(type.getMethod("detach"), vm);
            }
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            return Optional.of("cannot use the Attach API of this Java runtime (" + e + ") — run the command with"
                    + " a JDK 17 or newer");
        } catch (AttachFailure failure) {
            return Optional.of(explain(pid, failure.getCause()));
        }
    }

    private static String explain(String pid, Throwable cause) {
        String type = cause.getClass().getSimpleName();
        String detail = cause.getMessage() == null ? type : cause.getMessage();
        return switch (type) {
            case "AgentLoadException", "AgentInitializationException" ->
                    "the agent failed to start in process " + pid + ": " + detail
                            + " — see that JVM's standard error for the reason";
            default -> "cannot attach to process " + pid + ": " + detail + " — the target must be a Java 17+"
                    + " HotSpot JVM run by the same user as this command (run it as that user), not started with"
                    + " -XX:+DisableAttachMechanism";
        };
    }

    private static Object call(Method method, Object target, Object... args)
            throws IllegalAccessException, AttachFailure {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new AttachFailure(e.getCause());
        }
    }

    /** What the Attach API threw: AttachNotSupportedException, IOException, AgentLoadException, … */
    private static final class AttachFailure extends Exception {
        AttachFailure(Throwable cause) {
            super(cause);
        }
    }
}
