package dev.cacheagent.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A cache key written as text, as events show it, pattern evictions match it and shared tiers store
 * it (SPEC §4): a string as it is; a composite key as its parts joined with {@code :}, a {@code :} or
 * {@code \} inside a part escaped with {@code \}; an enum by its name; a primitive array as its
 * elements joined with {@code ,} (a {@code char[]} as the string it spells); anything else by
 * {@code toString()}. Text longer than {@value #MAX_LENGTH} characters is replaced by the hex SHA-256
 * of that text, so that keys have a bounded size everywhere.
 */
public final class KeyText {

    /** Longest text kept as it is. */
    public static final int MAX_LENGTH = 200;

    private static final int KEY_HASH_HEX_DIGITS = 16;

    private KeyText() {}

    /** The text of a key; the SHA-256 of it when it is longer than {@value #MAX_LENGTH} characters. */
    public static String of(Object key) {
        String text = fullText(key);
        return text.length() > MAX_LENGTH ? sha256Hex(text) : text;
    }

    /**
     * A short, stable stand-in for a key that must not appear in events (a method with secret-like
     * parameters): the first 16 hex digits of the SHA-256 of its text.
     */
    public static String hashOf(Object key) {
        return sha256Hex(fullText(key)).substring(0, KEY_HASH_HEX_DIGITS);
    }

    static String fullText(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof CompositeKey composite) {
            return composite.text();
        }
        return partText(key);
    }

    static String joinParts(Object[] parts) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                text.append(':');
            }
            appendEscaped(text, partText(parts[i]));
        }
        return text.toString();
    }

    private static String partText(Object part) {
        if (part instanceof CompositeKey composite) {
            return composite.text();
        }
        if (part instanceof Enum<?> e) {
            return e.name();
        }
        if (part instanceof char[] chars) {
            return new String(chars);
        }
        if (part != null && part.getClass().isArray()) {
            return primitiveArrayText(part);
        }
        return String.valueOf(part);
    }

    private static String primitiveArrayText(Object array) {
        int length = java.lang.reflect.Array.getLength(array);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(java.lang.reflect.Array.get(array, i));
        }
        return text.toString();
    }

    private static void appendEscaped(StringBuilder text, String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == ':' || c == '\\') {
                text.append('\\');
            }
            text.append(c);
        }
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
