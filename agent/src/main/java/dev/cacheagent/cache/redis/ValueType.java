package dev.cacheagent.cache.redis;

/**
 * The declared type of the values one method caches, as the codecs rebuild them: for a method returning
 * {@code Optional<X>} or a future of {@code X}, it is {@code X}.
 *
 * @param name the generic type as source text with binary class names, e.g.
 *     {@code java.util.List<com.example.llm.ChatMessage>}; primitives boxed
 * @param loader the class loader of the method's class, which can see every type the method names;
 *     {@code null} for the system class loader
 */
public record ValueType(String name, ClassLoader loader) {

    /** Any value: enough to write values (a put), which needs no declared type. */
    public static final ValueType OBJECT = new ValueType("java.lang.Object", null);

    /** The erased type's name: {@code java.util.List<X>} → {@code java.util.List}. */
    public String rawName() {
        int open = name.indexOf('<');
        return open < 0 ? name : name.substring(0, open);
    }

    /** The loader that resolves the type's classes. */
    ClassLoader classLoader() {
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }
}
