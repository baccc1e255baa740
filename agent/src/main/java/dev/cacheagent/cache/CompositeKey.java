package dev.cacheagent.cache;

import java.util.Arrays;

/**
 * A key made of several parts (an argument list) or of an array's elements, equal to another
 * exactly when their parts are equal, arrays compared by content.
 *
 * <p>Everything else is its own key: strings, numbers, enums and records already compare by value.
 * Arrays are copied when the key is made, so that an application that later reuses an array cannot
 * change a key the cache holds.
 */
public final class CompositeKey {
    private final Object[] parts;
    private final int hash;
    private volatile String text;

    private CompositeKey(Object[] parts) {
        this.parts = parts;
        this.hash = Arrays.deepHashCode(parts);
    }

    /**
     * The key of one value: an array becomes a key over its content; anything else is returned as it is.
     * {@code null} stays {@code null}.
     */
    public static Object of(Object value) {
        if (value instanceof Object[] array) {
            return new CompositeKey(partsOf(array));
        }
        if (value != null && value.getClass().isArray()) {
            return new CompositeKey(new Object[] {copyOfPrimitiveArray(value)});
        }
        return value;
    }

    /**
     * The default key of a call: {@code ""} for no arguments, the argument itself (see {@link #of}) for
     * one, else a key over all of them.
     */
    public static Object ofArguments(Object[] args) {
        return switch (args.length) {
            case 0 -> "";
            case 1 -> of(args[0]);
            default -> new CompositeKey(partsOf(args));
        };
    }

    /**
     * The default key of a call of {@code count} (at most three) arguments passed one by one; equal to
     * {@link #ofArguments(Object[])} of the same arguments.
     */
    public static Object ofArguments(int count, Object a0, Object a1, Object a2) {
        return switch (count) {
            case 0 -> "";
            case 1 -> of(a0);
            case 2 -> new CompositeKey(new Object[] {part(a0), part(a1)});
            case 3 -> new CompositeKey(new Object[] {part(a0), part(a1), part(a2)});
            default -> throw new IllegalArgumentException(count + " arguments cannot be passed one by one");
        };
    }

    private static Object[] partsOf(Object[] values) {
        Object[] parts = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            parts[i] = part(values[i]);
        }
        return parts;
    }

    private static Object part(Object value) {
        return value instanceof Object[] array ? new CompositeKey(partsOf(array))
                : value != null && value.getClass().isArray() ? copyOfPrimitiveArray(value)
                : value;
    }

    private static Object copyOfPrimitiveArray(Object array) {
        if (array instanceof byte[] a) return a.clone();
        if (array instanceof int[] a) return a.clone();
        if (array instanceof long[] a) return a.clone();
        if (array instanceof char[] a) return a.clone();
        if (array instanceof short[] a) return a.clone();
        if (array instanceof double[] a) return a.clone();
        if (array instanceof float[] a) return a.clone();
        return ((boolean[]) array).clone();
    }

    /** The parts, not to be modified. Primitive arrays stay primitive arrays; object arrays are nested keys. */
    Object[] parts() {
        return parts;
    }

    /** The text of this key, computed once; see {@link KeyText}. */
    String text() {
        String t = text;
        if (t == null) {
            t = KeyText.joinParts(parts);
            text = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o == this
                || o instanceof CompositeKey other && hash == other.hash && Arrays.deepEquals(parts, other.parts);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return text();
    }
}
