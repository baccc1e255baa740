package dev.cacheagent.instrumentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A class as its class file describes it, read with ASM without the methods' code: what matching, the
 * runtime's method descriptions and the codecs' type checks need. Obtained from {@link ClassFiles}, which reads
 * the class files it refers to (supertypes, return types) when they are asked for.
 *
 * <p>Modifiers and nesting are read as Byte Buddy's type pool read them: a nested class's modifiers are the
 * ones its {@code InnerClasses} entry gives (where {@code static} is), a class with an {@code EnclosingMethod}
 * attribute is local or anonymous, and a member class is one whose own {@code InnerClasses} entry names an
 * outer class.
 */
final class ClassFileType {
    private final ClassFiles pool;
    private final String name;
    /** The class file's access flags, with ASM's pseudo flags ({@link Opcodes#ACC_RECORD}). */
    private final int access;
    /** The modifiers its own {@code InnerClasses} entry gives, or {@link #access} for a top-level class. */
    private final int modifiers;
    private final String superName;
    private final List<String> interfaces;
    private final List<String> annotations;
    private final List<ClassFileMethod> methods;
    private final boolean localOrAnonymous;
    private final boolean member;
    /**
     * Kept only while a method may need its parameter names from the local-variable table (one without a
     * {@code MethodParameters} attribute): the code is read again for that method alone when asked.
     */
    private final ClassReader reader;

    private ClassFileType(ClassFiles pool, Reader read, ClassReader reader) {
        this.pool = pool;
        this.name = read.name;
        this.access = read.access;
        this.modifiers = read.innerModifiers >= 0 ? read.innerModifiers : read.access;
        this.superName = read.superName;
        this.interfaces = read.interfaces;
        this.annotations = read.annotations;
        this.localOrAnonymous = read.enclosingMethod || read.anonymous;
        this.member = !localOrAnonymous && read.outerName != null;
        List<ClassFileMethod> described = new ArrayList<>(read.methods.size());
        boolean namesInCode = false;
        for (Reader.MethodReader method : read.methods) {
            if (method.name.equals("<clinit>")) {
                // Never matched and without parameters or annotations; Byte Buddy did not list it either.
                continue;
            }
            ClassFileMethod m = new ClassFileMethod(this, method.access, method.name, method.descriptor,
                    method.signature, method.annotations, method.parameterNames());
            described.add(m);
            namesInCode |= m.mayHaveNamesInCode();
        }
        this.methods = described;
        this.reader = namesInCode ? reader : null;
    }

    static ClassFileType parse(ClassFiles pool, byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        Reader read = new Reader();
        reader.accept(read, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return new ClassFileType(pool, read, reader);
    }

    /** The pool it was read from, which reads the class files it refers to. */
    ClassFiles pool() {
        return pool;
    }

    /** Binary name, {@code com.example.Outer$Inner}. */
    String name() {
        return name;
    }

    /** The superclass's binary name; {@code null} for {@code Object} and for interfaces. */
    String superclassName() {
        return isInterface() ? null : superName;
    }

    /** The binary names of the interfaces it declares, in declaration order. */
    List<String> interfaceNames() {
        return interfaces;
    }

    /** The binary names of the annotations on the class, visible at run time or not. */
    List<String> annotationNames() {
        return annotations;
    }

    /** Every method in the class file, constructors included, in class-file order; not the type initializer. */
    List<ClassFileMethod> methods() {
        return methods;
    }

    boolean isInterface() {
        return (modifiers & Opcodes.ACC_INTERFACE) != 0;
    }

    boolean isAnnotation() {
        return (modifiers & Opcodes.ACC_ANNOTATION) != 0;
    }

    boolean isAbstract() {
        return (modifiers & Opcodes.ACC_ABSTRACT) != 0;
    }

    boolean isEnum() {
        return (modifiers & Opcodes.ACC_ENUM) != 0;
    }

    /** A record: a {@code Record} attribute and {@code java.lang.Record} as superclass. */
    boolean isRecord() {
        return (access & Opcodes.ACC_RECORD) != 0 && "java.lang.Record".equals(superName);
    }

    /** Declared static: only a nested class can say so, in its {@code InnerClasses} entry. */
    boolean isStatic() {
        return (modifiers & Opcodes.ACC_STATIC) != 0;
    }

    /** Declared in a method or initializer body, named or not. */
    boolean isLocalOrAnonymous() {
        return localOrAnonymous;
    }

    /** A class declared directly in another, not local or anonymous. */
    boolean isMemberType() {
        return member;
    }

    /**
     * The parameter names the local-variable table gives a method, by parameter; {@code null} where it gives none.
     * As Byte Buddy read them: entries that start where the code starts, by slot (a {@code long} or {@code double}
     * takes two; the receiver, slot 0, of an instance method none of the parameters).
     */
    String[] namesFromCode(ClassFileMethod method) {
        Type[] parameters = Type.getArgumentTypes(method.descriptor());
        String[] names = new String[parameters.length];
        if (reader == null || parameters.length == 0) {
            return names;
        }
        LocalVariables locals = new LocalVariables(method.name(), method.descriptor());
        reader.accept(locals, ClassReader.SKIP_FRAMES);
        int slot = method.isStatic() ? 0 : 1;
        for (int i = 0; i < parameters.length; i++) {
            names[i] = slot < locals.bySlot.length ? locals.bySlot[slot] : null;
            slot += parameters[i].getSize();
        }
        return names;
    }

    /** The first pass: the class without its code. */
    private static final class Reader extends ClassVisitor {
        String name;
        int access;
        int innerModifiers = -1;
        String superName;
        List<String> interfaces = List.of();
        final List<String> annotations = new ArrayList<>(2);
        final List<MethodReader> methods = new ArrayList<>();
        boolean enclosingMethod;
        /** No inner name in its own entry, and enclosed somewhere: some compilers leave out the EnclosingMethod. */
        boolean anonymous;
        String outerName;
        private String internalName;

        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.internalName = name;
            this.name = name.replace('/', '.');
            this.access = access;
            this.superName = superName == null ? null : superName.replace('/', '.');
            if (interfaces != null && interfaces.length > 0) {
                List<String> names = new ArrayList<>(interfaces.length);
                for (String i : interfaces) {
                    names.add(i.replace('/', '.'));
                }
                this.interfaces = names;
            }
        }

        @Override
        public void visitOuterClass(String owner, String name, String descriptor) {
            enclosingMethod = true;
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            if (name.equals(internalName)) {
                if (outerName != null) {
                    this.outerName = outerName;
                }
                anonymous = innerName == null && (enclosingMethod || this.outerName != null);
                innerModifiers = access & ~Opcodes.ACC_SUPER;
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            annotations.add(Type.getType(descriptor).getClassName());
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodReader method = new MethodReader(access, name, descriptor, signature);
            methods.add(method);
            return method;
        }

        /** A method's header: its attributes, not its code. */
        private static final class MethodReader extends MethodVisitor {
            final int access;
            final String name;
            final String descriptor;
            final String signature;
            List<String> annotations = List.of();
            private List<String> parameterNames;

            MethodReader(int access, String name, String descriptor, String signature) {
                super(Opcodes.ASM9);
                this.access = access;
                this.name = name;
                this.descriptor = descriptor;
                this.signature = signature;
            }

            @Override
            public void visitParameter(String name, int access) {
                if (parameterNames == null) {
                    parameterNames = new ArrayList<>();
                }
                parameterNames.add(name);
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                if (annotations.isEmpty()) {
                    annotations = new ArrayList<>(2);
                }
                annotations.add(Type.getType(descriptor).getClassName());
                return null;
            }

            /**
             * The {@code MethodParameters} attribute's names, {@code null} without one. One that lists another
             * number of parameters than the descriptor names none (as Byte Buddy read it).
             */
            String[] parameterNames() {
                if (parameterNames == null) {
                    return null;
                }
                String[] names = new String[Type.getArgumentCount(descriptor)];
                if (parameterNames.size() == names.length) {
                    parameterNames.toArray(names);
                }
                return names;
            }
        }
    }

    /** The second pass, for one method: its local-variable table. */
    private static final class LocalVariables extends ClassVisitor {
        private final String name;
        private final String descriptor;
        String[] bySlot = new String[0];

        LocalVariables(String name, String descriptor) {
            super(Opcodes.ASM9);
            this.name = name;
            this.descriptor = descriptor;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            // Any other method's code is skipped unread.
            return name.equals(this.name) && descriptor.equals(this.descriptor) ? new MethodVisitor(Opcodes.ASM9) {
                private Label first;

                @Override
                public void visitLabel(Label label) {
                    if (first == null) {
                        first = label;
                    }
                }

                @Override
                public void visitLocalVariable(String name, String descriptor, String signature, Label start,
                        Label end, int index) {
                    // Parameters are the variables in scope from the first instruction on.
                    if (start == first) {
                        if (index >= bySlot.length) {
                            bySlot = Arrays.copyOf(bySlot, index + 1);
                        }
                        bySlot[index] = name;
                    }
                }
            } : null;
        }
    }
}
