package dev.cacheagent.instrumentation;

import java.util.List;
import org.objectweb.asm.Type;

/**
 * A type as a class file's generic signature declares it: enough to name it as source text (as reflection's
 * {@code getTypeName()} does) and to follow its type arguments, without reading any other class file.
 *
 * <p>Records only hold the parts: their generated {@code equals}/{@code hashCode}/{@code toString} are not
 * called by the agent (linking them generates classes while the application starts).
 */
sealed interface GenericType {

    /** The type as source text: {@code java.util.Map<java.lang.String, ? extends com.example.Foo>}, {@code T[]}. */
    String typeName();

    /**
     * Whether the type says more than its erasure: type arguments, a type variable or a wildcard anywhere.
     * A type that does not is named by its erasure, as {@code int}, {@code java.lang.String[]} or
     * {@code com.example.Outer$Inner}.
     */
    boolean isGeneric();

    /** {@code int}, {@code void}, ... */
    record Primitive(String name) implements GenericType {
        @Override
        public String typeName() {
            return name;
        }

        @Override
        public boolean isGeneric() {
            return false;
        }
    }

    /**
     * A class or interface.
     *
     * @param name binary name, {@code com.example.Outer$Inner}
     * @param arguments its own type arguments (not its owner's), empty for a raw or non-generic type
     * @param owner the enclosing type when the signature gives it type arguments ({@code Outer<T>.Inner}),
     *     else {@code null}: the binary name then says all there is
     */
    record ClassType(String name, List<GenericType> arguments, ClassType owner) implements GenericType {
        @Override
        public String typeName() {
            StringBuilder text = new StringBuilder();
            if (owner != null) {
                // As reflection names a member of a parameterised type: Outer<T>$Inner.
                text.append(owner.typeName()).append('$').append(name.replace(owner.name() + "$", ""));
            } else {
                text.append(name);
            }
            if (!arguments.isEmpty()) {
                text.append('<');
                for (int i = 0; i < arguments.size(); i++) {
                    text.append(i == 0 ? "" : ", ").append(arguments.get(i).typeName());
                }
                text.append('>');
            }
            return text.toString();
        }

        @Override
        public boolean isGeneric() {
            return !arguments.isEmpty() || owner != null;
        }
    }

    /** A type variable, {@code T}. */
    record Variable(String name) implements GenericType {
        @Override
        public String typeName() {
            return name;
        }

        @Override
        public boolean isGeneric() {
            return true;
        }
    }

    /**
     * A type argument {@code ?}, {@code ? extends X} or {@code ? super X}.
     *
     * @param bound {@code null} for {@code ?}
     * @param lower whether the bound is a lower one ({@code ? super X})
     */
    record Wildcard(GenericType bound, boolean lower) implements GenericType {
        @Override
        public String typeName() {
            if (bound == null) {
                return "?";
            }
            if (!lower && bound instanceof ClassType type && type.name().equals("java.lang.Object") && !type.isGeneric()) {
                // ? extends Object reads as ?, as reflection and Byte Buddy print it.
                return "?";
            }
            return (lower ? "? super " : "? extends ") + bound.typeName();
        }

        @Override
        public boolean isGeneric() {
            return true;
        }
    }

    /** An array, generic or not. */
    record Array(GenericType component) implements GenericType {
        @Override
        public String typeName() {
            return component.typeName() + "[]";
        }

        @Override
        public boolean isGeneric() {
            return component.isGeneric();
        }
    }

    /** The type a descriptor names ({@code Ljava/util/List;}, {@code [I}): never generic. */
    static GenericType ofDescriptor(Type type) {
        return switch (type.getSort()) {
            case Type.ARRAY -> {
                GenericType element = ofDescriptor(type.getElementType());
                for (int i = 0; i < type.getDimensions(); i++) {
                    element = new Array(element);
                }
                yield element;
            }
            case Type.OBJECT -> new ClassType(type.getClassName(), List.of(), null);
            default -> new Primitive(type.getClassName());
        };
    }
}
