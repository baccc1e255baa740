package dev.cacheagent.it;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines of a child JVM's {@code -Xlog:class+load=info:file=<log>:uptime,tid}: {@code [0.123s][4242] a.b.C source: ...},
 * read for which thread loaded which class, and in what order.
 */
final class ClassLoadLog {
    private static final Pattern LOADED = Pattern.compile("^\\[[^\\]]*\\]\\[(\\d+)\\] (\\S+) ");

    private ClassLoadLog() {}

    /** The thread id of a line; empty when the line is no class load. */
    static String thread(String line) {
        Matcher m = LOADED.matcher(line);
        return m.find() ? m.group(1) : "";
    }

    /** The class a line loads; empty when the line is no class load. */
    static String className(String line) {
        Matcher m = LOADED.matcher(line);
        return m.find() ? m.group(2) : "";
    }

    /** The index of the line that loads {@code className}, or -1. */
    static int indexOfLoad(List<String> loaded, String className) {
        for (int i = 0; i < loaded.size(); i++) {
            if (className.equals(className(loaded.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first line that loads a class whose name starts with {@code prefix}, or -1. */
    static int indexOfFirstLoad(List<String> loaded, String prefix) {
        for (int i = 0; i < loaded.size(); i++) {
            if (className(loaded.get(i)).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
