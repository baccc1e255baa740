package dev.cacheagent.config;

/** One entry of a rule's {@code evict:} list. */
public record EvictAction(String cache, Target target, When when, Position position) {

    /** After the method returned normally (default), or before it runs, even if it then throws. */
    public enum When { BEFORE, AFTER }

    /** What is evicted. */
    public sealed interface Target {
        /** The entry with this key. */
        record Key(ExpressionText key) implements Target {}

        /** Every entry whose key text matches this glob ({@code *} any run of characters). */
        record Pattern(ExpressionText pattern) implements Target {}

        /** Every entry. */
        record All() implements Target {}
    }
}
