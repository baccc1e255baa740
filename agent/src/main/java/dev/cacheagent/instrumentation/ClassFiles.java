package dev.cacheagent.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Class files read with ASM and described as {@link ClassFileType}s, each parsed at most once for the life of
 * the pool: one transformation, one reload, one {@code validate} scan. Nothing is loaded or initialised.
 *
 * <p>Not thread-safe: a pool serves the one thread doing that work.
 */
final class ClassFiles {
    /** Where class files come from. */
    @FunctionalInterface
    interface Source {
        /**
         * The bytes of a class file, or {@code null} when there is none.
         *
         * @param internalName {@code com/example/Outer$Inner}
         */
        byte[] read(String internalName) throws IOException;
    }

    /** Cached for a name that has no class file. */
    private static final Object MISSING = new Object();

    private final Source source;
    /** By binary name: a {@link ClassFileType}, {@link #MISSING}, or the {@link RuntimeException} reading it threw. */
    private final Map<String, Object> parsed = new HashMap<>();

    private ClassFiles(Source source) {
        this.source = source;
    }

    /**
     * The class files a class loader sees, as {@code getResourceAsStream} finds them.
     *
     * @param loader {@code null} for the bootstrap loader, whose class files are read through the platform loader
     *     (which sees them too) and then the system loader
     */
    static ClassFiles of(ClassLoader loader) {
        return new ClassFiles(new FromLoader(loader));
    }

    /** The class files a source holds. */
    static ClassFiles over(Source source) {
        return new ClassFiles(source);
    }

    /**
     * Describes a class from the bytes given, not from the source: the class a transformer is handed is described
     * from the bytes it was handed. The description then stands for that name in this pool.
     *
     * @throws IllegalStateException when the bytes are not a class file ASM can read
     */
    ClassFileType describe(String name, byte[] classFile) {
        ClassFileType type = parse(classFile);
        parsed.put(name, type);
        return type;
    }

    /**
     * The class of that name, or {@code null} when the source has no class file for it.
     *
     * @param name binary name, {@code com.example.Outer$Inner}
     * @throws IllegalStateException when its class file cannot be read or parsed (the same exception on every
     *     call); its message says why, without the name
     */
    ClassFileType read(String name) {
        Object entry = entry(name);
        if (entry instanceof ClassFileType type) {
            return type;
        }
        if (entry instanceof RuntimeException unreadable) {
            throw unreadable;
        }
        return null;
    }

    /** The class of that name, or {@code null} when its class file is missing or unreadable: nothing is claimed of it. */
    ClassFileType find(String name) {
        return entry(name) instanceof ClassFileType type ? type : null;
    }

    /** What the pool holds for the name, read on first asking. */
    private Object entry(String name) {
        Object entry = parsed.get(name);
        if (entry == null) {
            entry = load(name);
            parsed.put(name, entry);
        }
        return entry;
    }

    private Object load(String name) {
        byte[] bytes;
        try {
            bytes = source.read(name.replace('.', '/'));
        } catch (IOException | RuntimeException e) {
            return new IllegalStateException("cannot read its class file (" + e + ")", e);
        }
        if (bytes == null) {
            return MISSING;
        }
        try {
            return parse(bytes);
        } catch (IllegalStateException e) {
            return e;
        }
    }

    private ClassFileType parse(byte[] bytes) {
        try {
            return ClassFileType.parse(this, bytes);
        } catch (RuntimeException e) {
            // ASM reports a malformed class file as whatever failed inside it (an index out of bounds, ...).
            throw new IllegalStateException("not a readable class file (" + e + ")", e);
        }
    }

    /** A class loader's class files; a class, not a lambda, so that no lambda is linked while the application starts. */
    private static final class FromLoader implements Source {
        private final ClassLoader loader;

        FromLoader(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public byte[] read(String internalName) throws IOException {
            String resource = internalName + ".class";
            InputStream in = loader != null ? loader.getResourceAsStream(resource)
                    : ClassLoader.getPlatformClassLoader().getResourceAsStream(resource);
            if (in == null && loader == null) {
                in = ClassLoader.getSystemResourceAsStream(resource);
            }
            if (in == null) {
                return null;
            }
            try (InputStream classFile = in) {
                return classFile.readAllBytes();
            }
        }
    }
}
