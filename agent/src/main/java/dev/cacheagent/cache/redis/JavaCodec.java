package dev.cacheagent.cache.redis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * {@code codec: java}: JDK serialization behind an {@link ObjectInputFilter} that admits only the
 * classes of {@code allowClasses}, the method's declared return type (with its type arguments) and the
 * JDK's value types. A refused class is loaded without being initialised, so none of its code runs.
 *
 * <p>Layout: the bytes {@code CAJ1}, the source, the store time (epoch ms), then the serialized value.
 */
final class JavaCodec implements ValueCodec {
    private static final byte[] MAGIC = "CAJ1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DEPTH = 64;
    private static final int MAX_REFERENCES = 1_000_000;
    /** JDK types whose deserialization runs no code of the application: values, collections (Object for their arrays). */
    private static final List<String> JDK_VALUES = List.of("java.lang.Object", "java.lang.String", "java.lang.Boolean",
            "java.lang.Byte", "java.lang.Character", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double", "java.lang.Number", "java.lang.Enum", "java.lang.Record",
            "java.math.*", "java.time.*", "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.ArrayDeque", "java.util.Arrays$ArrayList", "java.util.Collections$*",
            "java.util.ImmutableCollections$*", "java.util.CollSer", "java.util.UUID", "java.util.Date",
            "java.util.Locale", "java.util.Currency");

    private final ValueType type;
    private final List<String> allowed;
    private volatile Set<String> declared;

    JavaCodec(ValueType type, List<String> allowClasses) {
        this.type = type;
        this.allowed = List.copyOf(allowClasses);
    }

    @Override
    public byte[] encode(Object value, String source, long storedAtMillis) throws CodecException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeUTF(source);
            out.writeLong(storedAtMillis);
            ObjectOutputStream objects = new ObjectOutputStream(out);
            objects.writeObject(value);
            objects.flush();
        } catch (IOException | RuntimeException e) {
            throw new CodecException("the value could not be serialized: " + e, e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Decoded decode(byte[] bytes, long ttlLeftMillis, long ttlMillis, long nowMillis) throws CodecException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new CodecException("the value is not a cache-agent serialized value", null);
            }
            String source = in.readUTF();
            long storedAt = in.readLong();
            try (ObjectInputStream objects = new FilteredInput(in, bytes.length)) {
                Object value = objects.readObject();
                return new Decoded(value, source, ValueCodec.age(storedAt, nowMillis, ttlMillis));
            }
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            throw new CodecException("the value was refused or could not be deserialized: " + e, e);
        }
    }

    /** Whether a class may be deserialized. Arrays are judged by their element type. */
    boolean admits(Class<?> candidate) {
        Class<?> element = candidate;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive()) {
            return true;
        }
        String name = element.getName();
        return declared().contains(name) || matchesAny(JDK_VALUES, name) || matchesAny(allowed, name);
    }

    private Set<String> declared() {
        Set<String> names = declared;
        if (names == null) {
            try {
                names = TypeNames.classes(type).stream().map(Class::getName)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                names = Set.of();
            }
            declared = names;
        }
        return names;
    }

    /** Patterns as {@code allowClasses} writes them: {@code a.b.C}, {@code a.b.*} (the package), {@code a.b.**} (and below). */
    static boolean matchesAny(List<String> patterns, String className) {
        for (String pattern : patterns) {
            if (pattern.endsWith(".**")) {
                if (className.startsWith(pattern.substring(0, pattern.length() - 2))) {
                    return true;
                }
            } else if (pattern.endsWith("*")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                if (className.startsWith(prefix) && className.indexOf('.', prefix.length()) < 0) {
                    return true;
                }
            } else if (pattern.equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** Resolves classes through the method's class loader without initialising them, behind the filter. */
    private final class FilteredInput extends ObjectInputStream {
        FilteredInput(InputStream in, long maxBytes) throws IOException {
            super(in);
            setObjectInputFilter(info -> {
                if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.streamBytes() > maxBytes) {
                    return ObjectInputFilter.Status.REJECTED;
                }
                Class<?> candidate = info.serialClass();
                if (candidate == null) {
                    return ObjectInputFilter.Status.UNDECIDED;
                }
                return admits(candidate) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
            });
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, type.classLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
