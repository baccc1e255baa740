package dev.cacheagent.config;

import java.util.List;

/**
 * Which methods a rule applies to.
 *
 * @param method a method name or a glob ({@code get*})
 * @param params {@code null} for any parameter list; else the parameter types, by simple or
 *     qualified name
 */
public record Match(TypePattern type, String method, List<String> params) {
    public Match {
        params = params == null ? null : List.copyOf(params);
    }

    /** How the declaring type is chosen. */
    public sealed interface TypePattern {
        /** A binary class name, e.g. {@code com.example.Outer$Inner}. */
        record Exact(String name) implements TypePattern {}

        /** A glob over binary names: {@code *} within a package segment, {@code **} across segments. */
        record Glob(String glob) implements TypePattern {}

        /** Every concrete type that extends or implements this one (and the type itself). */
        record SubtypeOf(String name) implements TypePattern {}
    }
}
