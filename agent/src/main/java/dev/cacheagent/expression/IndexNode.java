package dev.cacheagent.expression;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code a[i]} or the null-safe {@code a?.[i]}: a map's value for a key, the element of a list,
 * array or other collection at an integer index, or the character of a text (as a String, as in SpEL).
 */
final class IndexNode extends Node {
    private final Node target;
    private final Node index;
    private final boolean nullSafe;

    IndexNode(String text, Node target, Node index, boolean nullSafe) {
        super(text);
        this.target = target;
        this.index = index;
        this.nullSafe = nullSafe;
    }

    @Override
    Object eval(Object receiver, Object a0, Object a1, Object a2, Object[] args, Object result) {
        Object value = target.eval(receiver, a0, a1, a2, args, result);
        if (value == null) {
            if (nullSafe) {
                return null;
            }
            throw failure("cannot index into null (write '?.[' to get null instead)");
        }
        Object key = index.eval(receiver, a0, a1, a2, args, result);
        try {
            if (value instanceof Map<?, ?> map) {
                return map.get(key);
            } else if (value instanceof List<?> list) {
                return list.get(position(key, list.size(), "a list"));
            } else if (value instanceof Object[] array) {
                return array[position(key, array.length, "an array")];
            } else if (value.getClass().isArray()) {
                return Array.get(value, position(key, Array.getLength(value), "an array"));
            } else if (value instanceof String string) {
                return String.valueOf(string.charAt(position(key, string.length(), "a text")));
            } else if (value instanceof Collection<?> collection) {
                return element(collection, position(key, collection.size(), "a collection"));
            }
        } catch (EvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw thrownBy(value instanceof Map ? "Map.get()" : "get()", e);
        }
        throw failure("cannot index into " + describe(value) + ": indexing works on maps, lists, arrays, collections and text");
    }

    private int position(Object key, int size, String what) {
        if (!(key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte)) {
            throw failure("the index of " + what + " must be an integer, not " + describe(key));
        }
        long position = ((Number) key).longValue();
        if (position < 0 || position >= size) {
            throw failure("index " + position + " is out of bounds for " + what + " of size " + size);
        }
        return (int) position;
    }

    private static Object element(Collection<?> collection, int position) {
        Iterator<?> iterator = collection.iterator();
        for (int i = 0; i < position; i++) {
            iterator.next();
        }
        return iterator.next();
    }
}
