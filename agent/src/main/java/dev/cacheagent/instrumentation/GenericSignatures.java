package dev.cacheagent.instrumentation;

import dev.cacheagent.instrumentation.GenericType.Array;
import dev.cacheagent.instrumentation.GenericType.ClassType;
import dev.cacheagent.instrumentation.GenericType.Variable;
import dev.cacheagent.instrumentation.GenericType.Wildcard;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/** Generic signatures (JVMS 4.7.9.1) read into {@link GenericType}s with ASM's {@link SignatureReader}. */
final class GenericSignatures {
    private GenericSignatures() {}

    /**
     * The return type a method's generic signature declares.
     *
     * @throws IllegalArgumentException when the signature is malformed
     */
    static GenericType returnTypeOf(String methodSignature) {
        MethodSignature signature = new MethodSignature();
        try {
            new SignatureReader(methodSignature).accept(signature);
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("malformed generic signature " + methodSignature, malformed);
        }
        if (signature.returnType == null) {
            throw new IllegalArgumentException("malformed generic signature " + methodSignature);
        }
        return signature.returnType.type();
    }

    /** Collects a method signature's return type; everything else in it is skipped. */
    private static final class MethodSignature extends SignatureVisitor {
        private TypeReader returnType;

        MethodSignature() {
            super(Opcodes.ASM9);
        }

        @Override
        public SignatureVisitor visitReturnType() {
            returnType = new TypeReader();
            return returnType;
        }
    }

    /**
     * Reads one type signature. Class types are complete at {@code visitEnd}; arrays when their component is;
     * the type is built when asked for, after the reader is done with the whole signature.
     */
    private static final class TypeReader extends SignatureVisitor {
        private GenericType simple;
        private TypeReader component;
        private String className;
        private ClassType owner;
        private List<TypeReader> arguments;
        /** Per argument: '=' (the type itself), '+' (? extends), '-' (? super) or '*' (?). */
        private StringBuilder wildcards;

        TypeReader() {
            super(Opcodes.ASM9);
        }

        GenericType type() {
            if (simple != null) {
                return simple;
            }
            if (component != null) {
                return new Array(component.type());
            }
            if (className != null) {
                return classType();
            }
            throw new IllegalArgumentException("incomplete type signature");
        }

        private ClassType classType() {
            List<GenericType> types;
            if (arguments == null) {
                types = List.of();
            } else {
                types = new ArrayList<>(arguments.size());
                for (int i = 0; i < arguments.size(); i++) {
                    char wildcard = wildcards.charAt(i);
                    TypeReader argument = arguments.get(i);
                    types.add(switch (wildcard) {
                        case SignatureVisitor.INSTANCEOF -> argument.type();
                        case SignatureVisitor.EXTENDS -> new Wildcard(argument.type(), false);
                        case SignatureVisitor.SUPER -> new Wildcard(argument.type(), true);
                        default -> new Wildcard(null, false);
                    });
                }
            }
            return new ClassType(className, types, owner);
        }

        @Override
        public void visitBaseType(char descriptor) {
            simple = GenericType.ofDescriptor(Type.getType(String.valueOf(descriptor)));
        }

        @Override
        public void visitTypeVariable(String name) {
            simple = new Variable(name);
        }

        @Override
        public SignatureVisitor visitArrayType() {
            component = new TypeReader();
            return component;
        }

        @Override
        public void visitClassType(String name) {
            className = name.replace('/', '.');
        }

        @Override
        public void visitInnerClassType(String name) {
            ClassType outer = classType();
            // Only a parameterised owner says more than the binary name Outer$Inner.
            owner = outer.isGeneric() ? outer : null;
            className = outer.name() + '$' + name;
            arguments = null;
            wildcards = null;
        }

        @Override
        public void visitTypeArgument() {
            addArgument(new TypeReader(), '*');
        }

        @Override
        public SignatureVisitor visitTypeArgument(char wildcard) {
            TypeReader argument = new TypeReader();
            addArgument(argument, wildcard);
            return argument;
        }

        private void addArgument(TypeReader argument, char wildcard) {
            if (arguments == null) {
                arguments = new ArrayList<>();
                wildcards = new StringBuilder();
            }
            arguments.add(argument);
            wildcards.append(wildcard);
        }
    }
}
