package dev.cacheagent.config;

/** Where something stands in a rule file: 1-based line and column. */
public record Position(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
