package dev.cacheagent.expression;

/**
 * One entry of a node's inline cache: the member linked for one receiver class (and, for a method
 * call, one list of argument classes), or why none could be. Entries are immutable and chained most
 * recent first, so a node publishes a new chain with a plain write and readers race on it safely.
 *
 * @param <M> the linked member
 */
final class Link<M> {
    /** Beyond this many receiver classes a call site is megamorphic; the oldest entries are dropped. */
    static final int CAPACITY = 8;

    final Class<?> type;
    final Class<?>[] argTypes;
    /** Null when nothing could be linked; then {@link #problem} says why. */
    final M member;
    /** Calls {@link #member}; null with it. */
    final Call call;
    final String problem;
    final Link<M> next;
    private final int size;

    private Link(Class<?> type, Class<?>[] argTypes, M member, Call call, String problem, Link<M> next) {
        this.type = type;
        this.argTypes = argTypes;
        this.member = member;
        this.call = call;
        this.problem = problem;
        this.next = next;
        this.size = next == null ? 1 : next.size + 1;
    }

    /** How many entries this chain holds. */
    int size() {
        return size;
    }

    /** A new chain: this entry in front of {@code chain}, keeping at most {@link #CAPACITY} entries. */
    static <M> Link<M> prepend(Link<M> chain, Class<?> type, Class<?>[] argTypes, M member, Call call,
            String problem) {
        return new Link<>(type, argTypes, member, call, problem, chain == null ? null : chain.first(CAPACITY - 1));
    }

    private Link<M> first(int count) {
        if (size <= count) {
            return this;
        }
        return count == 0 ? null : new Link<>(type, argTypes, member, call, problem, next.first(count - 1));
    }
}
