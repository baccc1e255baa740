package dev.cacheagent.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class file transformer the agent installs: name first, so that a class no rule can select costs
 * a string check and nothing is parsed. Only a class whose name a rule may select is described, from its
 * class file bytes, and the methods a rule binds are rewritten by {@link SiteRewriter}.
 *
 * <p>Rewriting never changes the class format (no field or method added), so that the same transformation
 * also serves retransformation: of the classes already loaded at start or attach, and at a reload.
 */
final class RuleTransformer implements ClassFileTransformer {
    /**
     * Set while this thread transforms: describing a type or binding its sites may load classes, and a
     * class loaded from inside a transformation is left as it is rather than transformed re-entrantly.
     */
    private final ThreadLocal<Boolean> transforming = new ThreadLocal<>();

    private final Instrumenter instrumenter;
    /** Where each rewritten class is written, before and after, when {@code -Dcacheagent.dumpClasses} names a directory. */
    private final Path dumpDirectory;

    RuleTransformer(Instrumenter instrumenter) {
        this.instrumenter = instrumenter;
        String dump = System.getProperty("cacheagent.dumpClasses");
        this.dumpDirectory = dump == null || dump.isBlank() ? null : Path.of(dump);
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] classfile) {
        if (internalName == null || IgnoredTypes.ignoredInternalName(internalName)) {
            return null;
        }
        String name = internalName.replace('/', '.');
        Instrumenter.Plan plan = instrumenter.plan();
        if (!plan.matcher().mayMatch(name) || transforming.get() != null) {
            return null;
        }
        transforming.set(Boolean.TRUE);
        try {
            return rewrite(plan, loader, name, classfile);
        } catch (Throwable e) {
            instrumenter.reportTransformError(name, e);
            return null;
        } finally {
            transforming.remove();
        }
    }

    /** The rewritten class file, or {@code null} when no rule selects the type or binds one of its methods. */
    private byte[] rewrite(Instrumenter.Plan plan, ClassLoader loader, String name, byte[] classfile) {
        // Described from the bytes handed over, then from the loader's class files where a rule needs another.
        ClassFileType type = ClassFiles.of(loader).describe(name, classfile);
        Map<String, Integer> sites = instrumenter.bind(plan, type, loader);
        if (sites.isEmpty()) {
            return null;
        }
        byte[] rewritten = SiteRewriter.rewrite(classfile, sites);
        if (dumpDirectory != null) {
            dump(name, classfile, rewritten);
        }
        return rewritten;
    }

    /**
     * Writes {@code <name>-original.class} and {@code <name>.class} for {@code javap}: a diagnostic, so a
     * directory that cannot be written only means no dump.
     */
    private void dump(String name, byte[] original, byte[] rewritten) {
        try {
            Files.createDirectories(dumpDirectory);
            Files.write(dumpDirectory.resolve(name + "-original.class"), original);
            Files.write(dumpDirectory.resolve(name + ".class"), rewritten);
        } catch (IOException | RuntimeException e) {
            // Nothing to do: the class is still instrumented.
        }
    }

    /**
     * Rewrites a class file of the agent's own ({@link Sample}, never loaded) and throws the result away, so
     * that the classes rewriting needs load, and its code warms up, on the calling thread, off the
     * application's: the first application class a rule selects does not pay for it while the application
     * waits.
     */
    void warmUp() {
        String resource = Sample.class.getName().replace('.', '/') + ".class";
        byte[] classfile;
        try (InputStream in = RuleTransformer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            classfile = in.readAllBytes();
        } catch (IOException e) {
            return;
        }
        ClassFileType type = ClassFiles.of(RuleTransformer.class.getClassLoader())
                .describe(Sample.class.getName(), classfile);
        Map<String, Integer> sites = new HashMap<>();
        for (ClassFileMethod method : type.methods()) {
            if (method.isConstructor() || method.isTypeInitializer()) {
                continue;
            }
            Descriptions.methodView(method);
            Descriptions.methodInfo(type, method, List.of());
            sites.put(method.name() + method.descriptor(), -1);
        }
        SiteRewriter.rewrite(classfile, sites);
    }

    /** What {@link #warmUp} rewrites: methods shaped like the ones rules select. */
    private static final class Sample {
        private Sample() {}

        String value(String name) {
            return name.trim();
        }

        static void forget(String name, int size, long seed, boolean all) {
            if (all) {
                throw new IllegalStateException(name + size + seed);
            }
        }
    }
}
