package dev.cacheagent.config;

/** The real system properties and environment variables. */
final class SystemEnvironment implements Environment {

    @Override
    public String property(String name) {
        try {
            return System.getProperty(name);
        } catch (SecurityException e) {
            return null;
        }
    }

    @Override
    public String variable(String name) {
        try {
            return System.getenv(name);
        } catch (SecurityException e) {
            return null;
        }
    }
}
