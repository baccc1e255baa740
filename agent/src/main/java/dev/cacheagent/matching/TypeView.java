package dev.cacheagent.matching;

import java.util.Set;

/** A type as matching needs to see it. */
public interface TypeView {

    /** Binary name, e.g. {@code com.example.Outer$Inner}. */
    String name();

    /**
     * Binary names of every superclass and interface, transitively. Only asked for when a rule
     * uses {@code subtypeOf}, because it costs reading those types' class files.
     */
    Set<String> supertypeNames();
}
