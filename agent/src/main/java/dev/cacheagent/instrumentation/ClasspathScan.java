package dev.cacheagent.instrumentation;

import dev.cacheagent.config.Rule;
import dev.cacheagent.matching.MethodView;
import dev.cacheagent.matching.RuleMatcher;
import dev.cacheagent.runtime.Binding;
import dev.cacheagent.runtime.MethodInfo;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The dry run behind {@code validate --classpath}: reads an application's class files, without
 * loading or initialising any of them, and decides for every method what the agent would decide
 * when the class loads — the same matching ({@link RuleMatcher}), the same descriptions, and the
 * binding the caller supplies (in the agent, {@code CacheRuntime#bind}).
 */
public final class ClasspathScan {
    private ClasspathScan() {}

    /** Decides whether the rules that matched a method can apply to it; {@code CacheRuntime::bind} in the agent. */
    @FunctionalInterface
    public interface Binder {
        Binding bind(List<Rule> rules, MethodInfo method);
    }

    /**
     * What the agent would do with an application.
     *
     * @param classesRead how many class files the classpath holds (each name counted once)
     * @param methods every method some enabled rule matched, in classpath order, each with what
     *     binding decided for it
     * @param unmatchedRules enabled rules (by name, in file order) that match no method
     * @param unreadableClasses class files that could not be read: their name and why
     */
    public record Result(int classesRead, List<MatchedMethod> methods, List<String> unmatchedRules,
            List<String> unreadableClasses) {
        public Result {
            methods = List.copyOf(methods);
            unmatchedRules = List.copyOf(unmatchedRules);
            unreadableClasses = List.copyOf(unreadableClasses);
        }
    }

    /**
     * A method that enabled rules matched.
     *
     * @param type the declaring type's binary name
     * @param parameterTypes erased parameter types, binary or primitive names
     * @param rules the names of the rules that matched it, in file order
     * @param binding {@link Binding.Bound}: it would be instrumented for all of {@code rules};
     *     {@link Binding.Rejected}: it would be left untouched and a {@code rule_error} raised
     */
    public record MatchedMethod(String type, String name, List<String> parameterTypes, List<String> rules,
            Binding binding) {
        public MatchedMethod {
            parameterTypes = List.copyOf(parameterTypes);
            rules = List.copyOf(rules);
        }

        /** {@code com.example.Type#name(String, int)}: parameter types by simple name, as a rule's {@code params} may give them. */
        public String signature() {
            return type + "#" + name + parameterTypes.stream()
                    .map(p -> p.substring(p.lastIndexOf('.') + 1))
                    .collect(Collectors.joining(", ", "(", ")"));
        }

        public boolean instrumented() {
            return binding instanceof Binding.Bound;
        }
    }

    /**
     * Reads every class of the classpath and matches the enabled rules against it.
     *
     * @param classpath jar files and class directories, in classpath order; a class found in two
     *     entries is read from the first, as a class loader would
     * @param rules the rule file's rules (disabled ones are ignored, as the agent ignores them)
     * @throws IOException when an entry cannot be opened or listed
     */
    public static Result scan(List<Path> classpath, List<Rule> rules, Binder binder) throws IOException {
        Set<String> classNames = new LinkedHashSet<>();
        try (Classpath classFiles = Classpath.open(classpath, classNames)) {
            return new Scan(RuleMatcher.of(rules), ClassFiles.over(classFiles), binder).run(classNames, rules);
        }
    }

    /**
     * The class files of the classpath's entries, the first entry that has one winning, then the JDK's: parameter
     * types such as String must be read for the value-equality check, and nothing of the application is loaded.
     */
    private static final class Classpath implements ClassFiles.Source, Closeable {
        private final List<JarFile> jars = new ArrayList<>();
        /** Each entry in classpath order: a directory ({@link Path}) or a {@link JarFile}. */
        private final List<Object> entries = new ArrayList<>();

        /** Opens every entry and lists the names of the classes each holds; nothing stays open when one fails. */
        static Classpath open(List<Path> classpath, Set<String> classNames) throws IOException {
            Classpath opened = new Classpath();
            try {
                for (Path entry : classpath) {
                    try {
                        if (Files.isDirectory(entry)) {
                            opened.entries.add(entry);
                            classNames.addAll(classesInDirectory(entry));
                        } else {
                            JarFile jar = new JarFile(entry.toFile());
                            opened.jars.add(jar);
                            opened.entries.add(jar);
                            classNames.addAll(classesInJar(jar));
                        }
                    } catch (IOException e) {
                        throw new IOException("cannot read classpath entry " + entry + " (" + e.getMessage()
                                + "): give a jar file or a directory of classes", e);
                    }
                }
                return opened;
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e;
            }
        }

        @Override
        public byte[] read(String internalName) throws IOException {
            String file = internalName + ".class";
            for (Object entry : entries) {
                if (entry instanceof JarFile jar) {
                    JarEntry found = jar.getJarEntry(file);
                    if (found != null) {
                        try (InputStream in = jar.getInputStream(found)) {
                            return in.readAllBytes();
                        }
                    }
                } else {
                    Path found = ((Path) entry).resolve(file);
                    if (Files.isRegularFile(found)) {
                        return Files.readAllBytes(found);
                    }
                }
            }
            try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(file)) {
                return in == null ? null : in.readAllBytes();
            }
        }

        @Override
        public void close() {
            for (JarFile jar : jars) {
                try {
                    jar.close();
                } catch (IOException ignored) {
                    // Already done with it, or already failing: the first problem is the one to report.
                }
            }
        }
    }

    private static List<String> classesInDirectory(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".class") && Files.isRegularFile(f))
                    .map(f -> directory.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .map(ClasspathScan::className)
                    .filter(Objects::nonNull)
                    .toList();
        }
    }

    private static List<String> classesInJar(JarFile jar) {
        return jar.stream()
                .map(JarEntry::getName)
                .filter(name -> name.endsWith(".class"))
                .sorted()
                .map(ClasspathScan::className)
                .filter(Objects::nonNull)
                .toList();
    }

    /** The binary name of a class file's path, or {@code null} for module and package descriptors and META-INF content. */
    private static String className(String path) {
        if (path.startsWith("META-INF/")) {
            return null;
        }
        String name = path.substring(0, path.length() - ".class".length());
        if (name.endsWith("module-info") || name.endsWith("package-info")) {
            return null;
        }
        return name.replace('/', '.');
    }

    /** One pass over a classpath; mirrors {@link Instrumenter}'s type selection and transform. */
    private record Scan(RuleMatcher matcher, ClassFiles pool, Binder binder) {

        Result run(Set<String> classNames, List<Rule> rules) {
            List<MatchedMethod> methods = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            for (String name : classNames) {
                if (IgnoredTypes.ignored(name) || !matcher.mayMatch(name)) {
                    continue;
                }
                try {
                    ClassFileType type = pool.read(name);
                    if (type == null) {
                        unreadable.add(name + ": its class file could not be read");
                        continue;
                    }
                    methods.addAll(matchedMethods(type));
                } catch (RuntimeException e) {
                    unreadable.add(name + ": " + e.getMessage());
                }
            }
            Set<String> matched = new LinkedHashSet<>();
            methods.forEach(m -> matched.addAll(m.rules()));
            List<String> unmatched = rules.stream()
                    .filter(Rule::enabled)
                    .map(Rule::name)
                    .filter(rule -> !matched.contains(rule))
                    .toList();
            return new Result(classNames.size(), methods, unmatched, unreadable);
        }

        private List<MatchedMethod> matchedMethods(ClassFileType type) {
            List<Rule> typeRules = matcher.rulesFor(Descriptions.typeView(type));
            if (typeRules.isEmpty()) {
                return List.of();
            }
            List<MatchedMethod> found = new ArrayList<>();
            for (ClassFileMethod method : type.methods()) {
                MethodView view = Descriptions.methodView(method);
                List<Rule> methodRules = RuleMatcher.rulesFor(typeRules, view);
                if (!methodRules.isEmpty()) {
                    MethodInfo info = Descriptions.methodInfo(type, method, methodRules);
                    found.add(new MatchedMethod(type.name(), view.name(), view.parameterTypes(),
                            methodRules.stream().map(Rule::name).toList(), binder.bind(methodRules, info)));
                }
            }
            return found;
        }
    }
}
