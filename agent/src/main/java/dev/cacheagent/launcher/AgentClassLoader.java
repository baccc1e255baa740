package dev.cacheagent.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.SecureClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class loader of the agent's core. Its parent is the platform class loader, so the core sees
 * the JDK and the bootstrap bridge, never the application's classes or libraries.
 *
 * <p>It reads the core's classes in place, from under a prefix of the agent jar ({@code META-INF/cache-agent/core/},
 * where no other class loader finds a class), so nothing is copied out at start. And it is not a
 * {@code URLClassLoader}: the core loads some 800 classes while the application starts, and for each a URL
 * class loader first asks the platform and boot loaders (which never have them), then builds a resource URL,
 * a code source and its signers. This loader looks in its own sources first for what they hold (the agent's
 * classes, under names no one else uses) and defines all classes of a source with one protection domain.
 */
final class AgentClassLoader extends SecureClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final List<Source> sources;

    /** A loader over these sources, searched in order. */
    AgentClassLoader(List<Source> sources) {
        super("cache-agent", ClassLoader.getPlatformClassLoader());
        this.sources = List.copyOf(sources);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                type = defineOwn(name);
            }
            if (type == null) {
                type = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> type = defineOwn(name);
        if (type == null) {
            throw new ClassNotFoundException(name);
        }
        return type;
    }

    /** The class from one of this loader's sources, defined now; {@code null} when none holds it. */
    private Class<?> defineOwn(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/').concat(".class");
        for (Source source : sources) {
            JarEntry entry = source.entry(path);
            if (entry == null) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = source.jar.getInputStream(entry)) {
                bytes = read(in, entry.getSize());
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
            definePackageOnce(name, source);
            return defineClass(name, bytes, 0, bytes.length, source.domain);
        }
        return null;
    }

    /** The entry's bytes into one array of its size when the jar gives it, rather than chunks and a copy. */
    private static byte[] read(InputStream in, long size) throws IOException {
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            return in.readAllBytes();
        }
        byte[] bytes = new byte[(int) size];
        if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
            throw new IOException("the jar entry is shorter than its recorded size");
        }
        return bytes;
    }

    private void definePackageOnce(String className, Source source) {
        int dot = className.lastIndexOf('.');
        if (dot < 0 || getDefinedPackage(className.substring(0, dot)) != null) {
            return;
        }
        Attributes main = source.attributes;
        try {
            definePackage(className.substring(0, dot),
                    main.getValue(Attributes.Name.SPECIFICATION_TITLE),
                    main.getValue(Attributes.Name.SPECIFICATION_VERSION),
                    main.getValue(Attributes.Name.SPECIFICATION_VENDOR),
                    main.getValue(Attributes.Name.IMPLEMENTATION_TITLE),
                    main.getValue(Attributes.Name.IMPLEMENTATION_VERSION),
                    main.getValue(Attributes.Name.IMPLEMENTATION_VENDOR),
                    null);
        } catch (IllegalArgumentException definedMeanwhile) {
            // Another thread of a parallel-capable loader defined it first: the same package.
        }
    }

    @Override
    protected URL findResource(String name) {
        for (Source source : sources) {
            URL url = source.resource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        List<URL> urls = new ArrayList<>();
        for (Source source : sources) {
            URL url = source.resource(name);
            if (url != null) {
                urls.add(url);
            }
        }
        return Collections.enumeration(urls);
    }

    /**
     * Classes and resources under {@code prefix} in an open jar, defined with one protection domain, their
     * packages with the jar's main manifest attributes.
     */
    static final class Source {
        private final JarFile jar;
        private final String prefix;
        private final URL location;
        private final Attributes attributes;
        private final ProtectionDomain domain;

        Source(Path file, String prefix) throws IOException {
            this.jar = new JarFile(file.toFile(), false);
            this.prefix = prefix;
            this.location = file.toUri().toURL();
            Manifest manifest = jar.getManifest();
            this.attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
            this.domain = new ProtectionDomain(new CodeSource(location, (CodeSigner[]) null), null);
        }

        JarEntry entry(String name) {
            return jar.getJarEntry(prefix.concat(name));
        }

        URL resource(String name) {
            if (entry(name) == null) {
                return null;
            }
            try {
                return new URL("jar:" + location + "!/" + prefix + name);
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
