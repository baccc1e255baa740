package dev.cacheagent.cache.redis;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a generic type written as source text ({@code java.util.Map<java.lang.String, java.util.List<X>>})
 * into the classes it names. Classes are loaded without being initialised: naming a type runs none of
 * its code. Wildcards stand for their bound, type variables for {@code Object}.
 */
final class TypeNames {
    private static final Map<String, Class<?>> PRIMITIVES = Map.of("int", Integer.class, "long", Long.class,
            "double", Double.class, "float", Float.class, "boolean", Boolean.class, "byte", Byte.class,
            "short", Short.class, "char", Character.class, "void", Void.class);
    private static final Map<String, Class<?>> PRIMITIVE_COMPONENTS = Map.of("int", int.class, "long", long.class,
            "double", double.class, "float", float.class, "boolean", boolean.class, "byte", byte.class,
            "short", short.class, "char", char.class);

    private final String text;
    private final ClassLoader loader;
    private int at;

    private TypeNames(String text, ClassLoader loader) {
        this.text = text;
        this.loader = loader;
    }

    /** The Jackson type of {@code type}. */
    static JavaType javaType(ValueType type, TypeFactory factory) throws ClassNotFoundException {
        TypeNames names = new TypeNames(type.name(), type.classLoader());
        Node node = names.parse();
        return node.toJavaType(factory);
    }

    /** Every class {@code type} names, its type arguments included. */
    static Set<Class<?>> classes(ValueType type) throws ClassNotFoundException {
        Set<Class<?>> classes = new LinkedHashSet<>();
        new TypeNames(type.name(), type.classLoader()).parse().collect(classes);
        return classes;
    }

    /** A parsed type: a class, its arguments, and how many array dimensions wrap it. */
    private record Node(Class<?> type, List<Node> arguments, int dimensions) {
        JavaType toJavaType(TypeFactory factory) {
            JavaType base = arguments.isEmpty() ? factory.constructType(type)
                    : factory.constructParametricType(type,
                            arguments.stream().map(a -> a.toJavaType(factory)).toArray(JavaType[]::new));
            for (int i = 0; i < dimensions; i++) {
                base = factory.constructArrayType(base);
            }
            return base;
        }

        void collect(Set<Class<?>> into) {
            into.add(type);
            arguments.forEach(a -> a.collect(into));
        }
    }

    private Node parse() throws ClassNotFoundException {
        Node node = type();
        skipSpaces();
        if (at != text.length()) {
            throw new ClassNotFoundException("cannot read the type '" + text + "' at column " + (at + 1));
        }
        return node;
    }

    private Node type() throws ClassNotFoundException {
        skipSpaces();
        if (peek('?')) {
            at++;
            skipSpaces();
            if (text.startsWith("extends", at)) {
                at += "extends".length();
                return type();
            }
            if (text.startsWith("super", at)) {
                at += "super".length();
                type();
            }
            return new Node(Object.class, List.of(), 0);
        }
        int start = at;
        while (at < text.length() && (Character.isJavaIdentifierPart(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        String name = text.substring(start, at);
        if (name.isEmpty()) {
            throw new ClassNotFoundException("cannot read the type '" + text + "' at column " + (at + 1));
        }
        List<Node> arguments = new ArrayList<>();
        skipSpaces();
        if (peek('<')) {
            at++;
            arguments.add(type());
            skipSpaces();
            while (peek(',')) {
                at++;
                arguments.add(type());
                skipSpaces();
            }
            expect('>');
        }
        int dimensions = 0;
        skipSpaces();
        while (text.startsWith("[]", at)) {
            at += 2;
            dimensions++;
            skipSpaces();
        }
        if (dimensions > 0 && PRIMITIVE_COMPONENTS.containsKey(name)) {
            Class<?> array = PRIMITIVE_COMPONENTS.get(name).arrayType();
            for (int i = 1; i < dimensions; i++) {
                array = array.arrayType();
            }
            return new Node(array, List.of(), 0);
        }
        return new Node(load(name), arguments, dimensions);
    }

    private Class<?> load(String name) throws ClassNotFoundException {
        Class<?> primitive = PRIMITIVES.get(name);
        if (primitive != null) {
            return primitive;
        }
        if (name.indexOf('.') < 0) {
            // A type variable (T): nothing more is known of it.
            return Object.class;
        }
        String candidate = name;
        while (true) {
            try {
                return Class.forName(candidate, false, loader);
            } catch (ClassNotFoundException e) {
                // Source text may name a nested class Outer.Inner, whose binary name is Outer$Inner.
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    throw new ClassNotFoundException(name, e);
                }
                candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
            }
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) throws ClassNotFoundException {
        if (!peek(c)) {
            throw new ClassNotFoundException("cannot read the type '" + text + "': '" + c + "' expected at column "
                    + (at + 1));
        }
        at++;
    }

    private void skipSpaces() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }
}
