package dev.cacheagent.matching;

import java.util.List;

/**
 * A method as matching needs to see it.
 *
 * @param parameterTypes binary or primitive names, arrays as {@code String[]}
 * @param selectable false for constructors, bridge and synthetic methods, and methods without a
 *     body (abstract, native): those are never matched
 */
public record MethodView(String name, List<String> parameterTypes, boolean selectable) {
    public MethodView {
        parameterTypes = List.copyOf(parameterTypes);
    }
}
