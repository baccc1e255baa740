package dev.cacheagent.instrumentation;

import dev.cacheagent.bootstrap.Bridge;
import dev.cacheagent.bootstrap.Hit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the methods a rule binds so that they call the bootstrap {@link Bridge}, as its Javadoc
 * shows in Java terms; every other method of the class is copied byte for byte.
 *
 * <p>The class format does not change (no field, method or attribute added), so the same rewrite also
 * serves retransformation. The method's own locals keep their slots: the call context takes a new slot
 * above the method's {@code max_locals}, which is why each rewritten method's stack map frames are read
 * expanded and get that slot appended. The catch-all handler is the last entry of the exception table,
 * so the method's own handlers still catch first, and its ranges leave out the code written at each
 * {@code return}, so that code never runs twice.
 */
final class SiteRewriter {
    /** The most arguments the bridge takes one by one; a method of more passes them in an array. */
    static final int MAX_SEPARATE_ARGUMENTS = 3;

    private static final String BRIDGE = Type.getInternalName(Bridge.class);
    private static final String HIT = Type.getInternalName(Hit.class);
    private static final String OBJECT = "java/lang/Object";
    private static final String THROWABLE = "java/lang/Throwable";
    private static final String ENTER_SEPARATE =
            "(ILjava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String ENTER_ARRAY = "(ILjava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String EXIT = "(Ljava/lang/Object;Ljava/lang/Object;I)Ljava/lang/Object;";
    private static final String THROWN = "(Ljava/lang/Throwable;Ljava/lang/Object;I)L" + HIT + ";";
    /** What the written code needs on the operand stack beyond the method's own, at most. */
    private static final int EXTRA_STACK = 8;

    private SiteRewriter() {}

    /**
     * The class file with each method in {@code sites} (keyed by name followed by descriptor, as
     * {@code value(Ljava/lang/String;)Ljava/lang/String;}) calling the bridge with its site number.
     */
    static byte[] rewrite(byte[] classfile, Map<String, Integer> sites) {
        ClassReader reader = new ClassReader(classfile);
        Map<String, Integer> maxLocals = maxLocals(reader, sites);
        // No frames or maxima computed: the written code brings its own, so no class is ever loaded here.
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private String owner;
            private boolean framesRequired;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                owner = name;
                // Stack map frames exist from class file version 50 (Java 6); older ones are verified without.
                framesRequired = (version & 0xFFFF) >= Opcodes.V1_6;
                super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor original = super.visitMethod(access, name, descriptor, signature, exceptions);
                Integer site = sites.get(name + descriptor);
                Integer locals = maxLocals.get(name + descriptor);
                if (site == null || locals == null || original == null) {
                    return original;
                }
                return new SiteMethod(original, site, owner, access, descriptor, locals, framesRequired);
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** Each bound method's {@code max_locals}, read in a first pass that decodes only those methods. */
    private static Map<String, Integer> maxLocals(ClassReader reader, Map<String, Integer> sites) {
        Map<String, Integer> found = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                String key = name + descriptor;
                if (!sites.containsKey(key)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        found.put(key, maxLocals);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }

    /** One bound method, rewritten as it streams from the reader to the writer. */
    private static final class SiteMethod extends MethodVisitor {
        private final int site;
        private final boolean isStatic;
        private final Type[] parameters;
        private final Type returnType;
        private final int contextSlot;
        private final boolean framesRequired;
        /** The frame at the first instruction, in the expanded form: {@code this} and the parameters. */
        private final Object[] entryLocals;
        private final Label bodyStart = new Label();
        /** Where the catch-all handler covers the original body: from each start to the next end. */
        private final List<Label> coveredStarts = new ArrayList<>();
        private final List<Label> coveredEnds = new ArrayList<>();

        SiteMethod(MethodVisitor writer, int site, String owner, int access, String descriptor, int maxLocals,
                boolean framesRequired) {
            super(Opcodes.ASM9, writer);
            this.site = site;
            this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
            this.parameters = Type.getArgumentTypes(descriptor);
            this.returnType = Type.getReturnType(descriptor);
            this.contextSlot = maxLocals;
            this.framesRequired = framesRequired;
            this.entryLocals = entryLocals(owner);
        }

        private Object[] entryLocals(String owner) {
            List<Object> locals = new ArrayList<>();
            if (!isStatic) {
                locals.add(owner);
            }
            for (Type parameter : parameters) {
                locals.add(frameType(parameter));
            }
            return locals.toArray();
        }

        @Override
        public void visitCode() {
            super.visitCode();
            pushInt(site);
            if (isStatic) {
                super.visitInsn(Opcodes.ACONST_NULL);
            } else {
                super.visitVarInsn(Opcodes.ALOAD, 0);
            }
            if (parameters.length <= MAX_SEPARATE_ARGUMENTS) {
                int slot = isStatic ? 0 : 1;
                for (int i = 0; i < MAX_SEPARATE_ARGUMENTS; i++) {
                    if (i < parameters.length) {
                        loadBoxed(parameters[i], slot);
                        slot += parameters[i].getSize();
                    } else {
                        super.visitInsn(Opcodes.ACONST_NULL);
                    }
                }
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "enter", ENTER_SEPARATE, false);
            } else {
                pushInt(parameters.length);
                super.visitTypeInsn(Opcodes.ANEWARRAY, OBJECT);
                int slot = isStatic ? 0 : 1;
                for (int i = 0; i < parameters.length; i++) {
                    super.visitInsn(Opcodes.DUP);
                    pushInt(i);
                    loadBoxed(parameters[i], slot);
                    super.visitInsn(Opcodes.AASTORE);
                    slot += parameters[i].getSize();
                }
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "enter", ENTER_ARRAY, false);
            }
            if (returnType.getSort() != Type.VOID) {
                Label run = new Label();
                super.visitInsn(Opcodes.DUP);
                super.visitTypeInsn(Opcodes.INSTANCEOF, HIT);
                super.visitJumpInsn(Opcodes.IFEQ, run);
                returnHitValue();
                super.visitLabel(run);
                frame(entryLocals, new Object[] {OBJECT});
            }
            super.visitVarInsn(Opcodes.ASTORE, contextSlot);
            super.visitLabel(bodyStart);
            coveredStarts.add(bodyStart);
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            // Expanded (F_NEW) frames, as the reader was asked for: the context's slot is added to each.
            List<Object> locals = new ArrayList<>(numLocal + contextSlot);
            int slots = 0;
            for (int i = 0; i < numLocal; i++) {
                locals.add(local[i]);
                slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
            }
            for (; slots < contextSlot; slots++) {
                locals.add(Opcodes.TOP);
            }
            locals.add(OBJECT);
            super.visitFrame(type, locals.size(), locals.toArray(), numStack, stack);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode < Opcodes.IRETURN || opcode > Opcodes.RETURN) {
                super.visitInsn(opcode);
                return;
            }
            Label exitCode = new Label();
            super.visitLabel(exitCode);
            coveredEnds.add(exitCode);
            if (returnType.getSort() == Type.VOID) {
                super.visitInsn(Opcodes.ACONST_NULL);
            } else {
                box(returnType);
            }
            super.visitVarInsn(Opcodes.ALOAD, contextSlot);
            pushInt(site);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "exit", EXIT, false);
            if (returnType.getSort() == Type.VOID) {
                super.visitInsn(Opcodes.POP);
            } else {
                unboxOrCast(returnType);
            }
            super.visitInsn(opcode);
            Label next = new Label();
            super.visitLabel(next);
            coveredStarts.add(next);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            Label bodyEnd = new Label();
            super.visitLabel(bodyEnd);
            coveredEnds.add(bodyEnd);
            Label handler = new Label();
            boolean covered = false;
            for (int i = 0; i < coveredStarts.size(); i++) {
                Label start = coveredStarts.get(i);
                Label end = coveredEnds.get(i);
                if (start.getOffset() < end.getOffset()) {
                    super.visitTryCatchBlock(start, end, handler, null);
                    covered = true;
                }
            }
            if (covered) {
                writeHandler(handler);
            }
            super.visitMaxs(maxStack + EXTRA_STACK, contextSlot + 1);
        }

        /** Asks the bridge what replaces the exception: a stale value to return, or nothing (rethrown). */
        private void writeHandler(Label handler) {
            Object[] contextOnly = contextOnlyLocals();
            super.visitLabel(handler);
            frame(contextOnly, new Object[] {THROWABLE});
            super.visitInsn(Opcodes.DUP);
            super.visitVarInsn(Opcodes.ALOAD, contextSlot);
            pushInt(site);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "thrown", THROWN, false);
            if (returnType.getSort() != Type.VOID) {
                Label rethrow = new Label();
                super.visitInsn(Opcodes.DUP);
                super.visitJumpInsn(Opcodes.IFNULL, rethrow);
                returnHitValue();
                super.visitLabel(rethrow);
                frame(contextOnly, new Object[] {THROWABLE, HIT});
            }
            super.visitInsn(Opcodes.POP);
            super.visitInsn(Opcodes.ATHROW);
        }

        /** Locals where nothing but the context is known: the method's own slots unusable ({@code TOP}). */
        private Object[] contextOnlyLocals() {
            Object[] locals = new Object[contextSlot + 1];
            for (int i = 0; i < contextSlot; i++) {
                locals[i] = Opcodes.TOP;
            }
            locals[contextSlot] = OBJECT;
            return locals;
        }

        /** With a {@link Hit} (or a subtype) on the stack: returns its value as the method's return type. */
        private void returnHitValue() {
            super.visitTypeInsn(Opcodes.CHECKCAST, HIT);
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, HIT, "value", "()Ljava/lang/Object;", false);
            unboxOrCast(returnType);
            super.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
        }

        private void frame(Object[] locals, Object[] stack) {
            if (framesRequired) {
                super.visitFrame(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
            }
        }

        private void loadBoxed(Type type, int slot) {
            super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
            box(type);
        }

        /** Replaces the primitive on top of the stack by its box ({@code Integer.valueOf} and so on). */
        private void box(Type type) {
            Type box = boxOf(type);
            if (box != null) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, box.getInternalName(), "valueOf",
                        Type.getMethodDescriptor(box, type), false);
            }
        }

        /** Turns the {@code Object} on top of the stack into a value of {@code type}. */
        private void unboxOrCast(Type type) {
            Type box = boxOf(type);
            if (box != null) {
                super.visitTypeInsn(Opcodes.CHECKCAST, box.getInternalName());
                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box.getInternalName(), type.getClassName() + "Value",
                        Type.getMethodDescriptor(type), false);
            } else if (!type.getInternalName().equals(OBJECT)) {
                super.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
            }
        }

        private void pushInt(int value) {
            if (value >= -1 && value <= 5) {
                super.visitInsn(Opcodes.ICONST_0 + value);
            } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
                super.visitIntInsn(Opcodes.BIPUSH, value);
            } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
                super.visitIntInsn(Opcodes.SIPUSH, value);
            } else {
                super.visitLdcInsn(value);
            }
        }
    }

    /** The box of a primitive type, {@code null} for references. */
    private static Type boxOf(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN -> Type.getObjectType("java/lang/Boolean");
            case Type.CHAR -> Type.getObjectType("java/lang/Character");
            case Type.BYTE -> Type.getObjectType("java/lang/Byte");
            case Type.SHORT -> Type.getObjectType("java/lang/Short");
            case Type.INT -> Type.getObjectType("java/lang/Integer");
            case Type.FLOAT -> Type.getObjectType("java/lang/Float");
            case Type.LONG -> Type.getObjectType("java/lang/Long");
            case Type.DOUBLE -> Type.getObjectType("java/lang/Double");
            default -> null;
        };
    }

    /** A parameter's type as a stack map frame names it. */
    private static Object frameType(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> Opcodes.INTEGER;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.LONG -> Opcodes.LONG;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            default -> type.getInternalName();
        };
    }
}
