package dev.cacheagent.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Entry point of {@code cache-agent.jar}: {@code -javaagent}, dynamic attach, and the command line.
 *
 * <p>The jar carries the bridge as a nested jar, which goes on the bootstrap class path so that
 * instrumented code in any class loader can reach it, and the core under a prefix of its own, which is
 * read in place by an isolated class loader whose parent is the platform class loader. Nothing of the
 * core is visible to the application, and the application's libraries are invisible to the core.
 */
public final class AgentLauncher {
    private static final String BRIDGE = "META-INF/cache-agent/bridge.jar";
    /** Where the core's classes and resources are, inside the agent jar. */
    private static final String CORE = "META-INF/cache-agent/core/";
    private static final String CORE_MAIN = "dev.cacheagent.AgentMain";

    private AgentLauncher() {}

    /** {@code -javaagent:cache-agent.jar[=args]}. */
    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    /** Dynamic attach ({@code cache-agent.jar attach <pid> rules.yaml}). */
    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    /** {@code java -jar cache-agent.jar <command> ...}. */
    public static void main(String[] args) throws Exception {
        Path jar = ownJar();
        Path dir = PrivateDirectory.create("cache-agent-cli");
        ClassLoader core = new AgentClassLoader(List.of(
                new AgentClassLoader.Source(extract(jar, BRIDGE, dir), ""), new AgentClassLoader.Source(jar, CORE)));
        Method cli = core.loadClass("dev.cacheagent.cli.CommandLine").getMethod("main", String[].class, Path.class);
        int status;
        try {
            status = (int) cli.invoke(null, args, jar);
        } catch (InvocationTargetException e) {
            throw asException(e.getCause());
        }
        System.exit(status);
    }

    private static void start(String args, Instrumentation inst, boolean attached) {
        Object outcome;
        try {
            Path jar = ownJar();
            Path dir = PrivateDirectory.create("cache-agent");
            inst.appendToBootstrapClassLoaderSearch(new JarFile(extract(jar, BRIDGE, dir).toFile()));
            ClassLoader core = new AgentClassLoader(List.of(new AgentClassLoader.Source(jar, CORE)));
            Method main = core.loadClass(CORE_MAIN)
                    .getMethod("start", String.class, Instrumentation.class, boolean.class, Path.class);
            outcome = main.invoke(null, args, inst, attached, jar);
        } catch (InvocationTargetException e) {
            outcome = e.getCause();
        } catch (Throwable e) {
            outcome = e;
        }
        if (outcome instanceof Throwable t) {
            // The event log is not running when the core failed to load: stderr is the only channel left.
            System.err.println("{\"event\":\"agent_failed\",\"error\":\"" + t.toString().replace('"', '\'')
                    + "\",\"reason\":\"the agent could not start; the application runs without it\"}");
        } else if (Integer.valueOf(78).equals(outcome)) {
            // agent.onConfigError: fail
            System.exit(78);
        }
    }

    private static Path ownJar() throws URISyntaxException {
        return Path.of(AgentLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Path extract(Path jar, String entry, Path dir) throws IOException {
        Path target = dir.resolve(entry.substring(entry.lastIndexOf('/') + 1));
        try (JarFile file = new JarFile(jar.toFile());
                InputStream in = file.getInputStream(file.getJarEntry(entry))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        target.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return target;
    }

    private static Exception asException(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return (Exception) t;
    }
}
