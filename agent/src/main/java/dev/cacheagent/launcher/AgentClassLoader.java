package dev.cacheagent.launcher;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader of the agent's core. Its parent is the platform class loader, so the core sees
 * the JDK and the bootstrap bridge, never the application's classes or libraries.
 */
final class AgentClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    AgentClassLoader(URL[] urls) {
        super("cache-agent", urls, ClassLoader.getPlatformClassLoader());
    }
}
