package dev.cacheagent.runtime;

import dev.cacheagent.bootstrap.Hit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * How a method hands back its value, which decides what is cached and what a hit returns. Decided
 * once per method from its declared return type.
 */
enum ReturnKind {
    /** The value itself (primitives boxed). */
    VALUE,
    /** An {@link Optional}: the value inside is cached, an empty one counts as {@code null}. */
    OPTIONAL,
    /** A {@link CompletableFuture} or {@link java.util.concurrent.CompletionStage}: its completed value is cached. */
    FUTURE;

    static ReturnKind of(String returnType) {
        return switch (returnType) {
            case "java.util.Optional" -> OPTIONAL;
            case "java.util.concurrent.CompletableFuture", "java.util.concurrent.CompletionStage" -> FUTURE;
            default -> VALUE;
        };
    }

    /** The value to cache, out of what a (synchronous) method returned. */
    Object unwrap(Object returned) {
        return this == OPTIONAL && returned instanceof Optional<?> optional ? optional.orElse(null) : returned;
    }

    /** What the caller receives for a cached value: for plain values the entry itself, so a hit allocates nothing. */
    Hit answer(Hit cached) {
        return switch (this) {
            case VALUE -> cached;
            case OPTIONAL -> new Hit(Optional.ofNullable(cached.value()));
            case FUTURE -> new Hit(CompletableFuture.completedFuture(cached.value()));
        };
    }
}
