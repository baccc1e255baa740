package dev.cacheagent.instrumentation;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A method, constructor or type initializer as its class file declares it (see {@link ClassFileType}). Types are
 * named from the descriptor and the generic signature alone: describing a method reads no other class file.
 */
final class ClassFileMethod {
    private final ClassFileType owner;
    private final int access;
    private final String name;
    private final String descriptor;
    private final String signature;
    private final List<String> annotations;
    /** From the {@code MethodParameters} attribute; {@code null} without one. */
    private final String[] declaredNames;
    private List<String> parameterTypes;
    private String[] parameterNames;
    private GenericType genericReturnType;

    ClassFileMethod(ClassFileType owner, int access, String name, String descriptor, String signature,
            List<String> annotations, String[] declaredNames) {
        this.owner = owner;
        this.access = access;
        this.name = name;
        this.descriptor = descriptor;
        this.signature = signature;
        this.annotations = annotations;
        this.declaredNames = declaredNames;
    }

    /** The type that declares it. */
    ClassFileType owner() {
        return owner;
    }

    /** The name in the class file: {@code <init>} for a constructor, {@code <clinit>} for the type initializer. */
    String name() {
        return name;
    }

    /** {@code (Ljava/lang/String;I)V} */
    String descriptor() {
        return descriptor;
    }

    boolean isConstructor() {
        return name.equals("<init>");
    }

    boolean isTypeInitializer() {
        return name.equals("<clinit>");
    }

    boolean isStatic() {
        return (access & Opcodes.ACC_STATIC) != 0;
    }

    boolean isAbstract() {
        return (access & Opcodes.ACC_ABSTRACT) != 0;
    }

    boolean isNative() {
        return (access & Opcodes.ACC_NATIVE) != 0;
    }

    boolean isBridge() {
        return (access & Opcodes.ACC_BRIDGE) != 0;
    }

    boolean isSynthetic() {
        return (access & Opcodes.ACC_SYNTHETIC) != 0;
    }

    /** The binary names of the annotations on the method, visible at run time or not. */
    List<String> annotationNames() {
        return annotations;
    }

    /** Erased parameter types: binary or primitive names, arrays as {@code java.lang.String[]}. */
    List<String> parameterTypeNames() {
        List<String> types = parameterTypes;
        if (types == null) {
            Type[] arguments = Type.getArgumentTypes(descriptor);
            String[] names = new String[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                names[i] = arguments[i].getClassName();
            }
            types = List.of(names);
            parameterTypes = types;
        }
        return types;
    }

    /** The erased return type: a binary or primitive name, {@code void}, arrays as {@code byte[]}. */
    String returnTypeName() {
        return Type.getReturnType(descriptor).getClassName();
    }

    /**
     * The declared return type, from the generic signature where there is one; a malformed signature is
     * ignored for the descriptor, as the JVM ignores it.
     */
    GenericType genericReturnType() {
        GenericType type = genericReturnType;
        if (type == null) {
            if (signature != null) {
                try {
                    type = GenericSignatures.returnTypeOf(signature);
                } catch (IllegalArgumentException malformed) {
                    type = null;
                }
            }
            if (type == null) {
                type = GenericType.ofDescriptor(Type.getReturnType(descriptor));
            }
            genericReturnType = type;
        }
        return type;
    }

    /**
     * Each parameter's name, {@code null} where the class file has none: the {@code MethodParameters} attribute
     * ({@code -parameters}) where there is one, else the local-variable table (debug information), read only
     * now, and only for this method.
     */
    String[] parameterNames() {
        String[] names = parameterNames;
        if (names == null) {
            names = declaredNames != null ? declaredNames : owner.namesFromCode(this);
            parameterNames = names;
        }
        return names.clone();
    }

    /** Whether {@link #parameterNames} may have to read the method's code. */
    boolean mayHaveNamesInCode() {
        return declaredNames == null && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
                && descriptor.charAt(1) != ')';
    }
}
