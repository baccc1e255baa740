package dev.cacheagent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cacheagent.cache.redis.TypeShape;
import dev.cacheagent.runtime.MethodInfo;
import fixture.classfile.Generics;
import fixture.json.Returns;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The class-file reader behind the agent's descriptions, checked against reflection (which reads the same
 * class files once the class is loaded) and against class files made here: with and without parameter names,
 * with supertypes that are missing, and the JDK's own through the bootstrap loader.
 */
class ClassFilesTest {
    private static final ClassLoader LOADER = ClassFilesTest.class.getClassLoader();

    @TempDir
    Path temp;

    /** Every method of the fixtures, declared in classes of every kind. */
    static Stream<Arguments> fixtureMethods() {
        Object[] localAndAnonymous = Generics.localAndAnonymous();
        List<Class<?>> classes = List.of(Generics.class, Generics.Inner.class, Generics.Inner.Deeper.class,
                Generics.Nested.class, Generics.Plain.class, Generics.Recorded.class, Generics.Color.class,
                Generics.Color.RED.getClass(), Generics.Source.class, localAndAnonymous[0].getClass(),
                localAndAnonymous[1].getClass(), Returns.class);
        List<Arguments> methods = new ArrayList<>();
        for (Class<?> type : classes) {
            for (Method method : type.getDeclaredMethods()) {
                methods.add(Arguments.of(type.getName() + "#" + method.getName() + Type.getMethodDescriptor(method),
                        method));
            }
        }
        return methods.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureMethods")
    void genericReturnType_isNamedAsReflectionNamesIt(String name, Method method) {
        MethodInfo info = describe(method);

        assertThat(info.genericReturnType()).isEqualTo(method.getGenericReturnType().getTypeName());
        assertThat(info.returnType()).isEqualTo(method.getReturnType().getTypeName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureMethods")
    void parameters_areNamedAsReflectionNamesThem(String name, Method method) {
        MethodInfo info = describe(method);

        assertThat(info.parameters()).extracting(MethodInfo.Parameter::type).containsExactlyElementsOf(
                Arrays.stream(method.getParameterTypes()).map(Class::getTypeName).toList());
        // The fixtures are compiled with -parameters: reflection reads the same MethodParameters attribute.
        assertThat(info.parameters()).extracting(MethodInfo.Parameter::name).containsExactlyElementsOf(
                Arrays.stream(method.getParameters()).map(p -> p.isNamePresent() ? p.getName() : null).toList());
    }

    @Test
    void genericReturnType_ofAMemberOfAParameterisedType_namesTheOwnersArguments() {
        MethodInfo info = describe(Generics.class, "innerOfConcrete");

        assertThat(info.genericReturnType())
                .isEqualTo("fixture.classfile.Generics<java.lang.String>$Inner<java.lang.Integer>");
    }

    @Test
    void genericReturnType_ofAnArrayTypeArgument_namesItAsSourceDoes() {
        // Byte Buddy named these java.util.Optional<[B> and java.util.Map<java.lang.String, [Ljava.lang.String;>,
        // which the codecs could not read back.
        assertThat(describe(Generics.class, "optionalBytes").genericReturnType())
                .isEqualTo("java.util.Optional<byte[]>");
        assertThat(describe(Generics.class, "namedTexts").genericReturnType())
                .isEqualTo("java.util.Map<java.lang.String, java.lang.String[]>");
    }

    @Test
    void shape_readsTheTraitsOfEachKindOfClass() {
        Object[] localAndAnonymous = Generics.localAndAnonymous();

        assertThat(traits(Generics.Recorded.class)).contains(TypeShape.Trait.RECORD);
        assertThat(traits(Generics.Empty.class)).contains(TypeShape.Trait.RECORD);
        assertThat(traits(Generics.Color.class)).contains(TypeShape.Trait.ENUM);
        assertThat(traits(Generics.Source.class)).contains(TypeShape.Trait.INTERFACE)
                .doesNotContain(TypeShape.Trait.INNER);
        assertThat(traits(Generics.Inner.class)).contains(TypeShape.Trait.INNER);
        assertThat(traits(Generics.Nested.class)).doesNotContain(TypeShape.Trait.INNER, TypeShape.Trait.ABSTRACT);
        assertThat(traits(localAndAnonymous[0].getClass())).contains(TypeShape.Trait.LOCAL_OR_ANONYMOUS)
                .doesNotContain(TypeShape.Trait.INNER);
        assertThat(traits(localAndAnonymous[1].getClass())).contains(TypeShape.Trait.LOCAL_OR_ANONYMOUS)
                .doesNotContain(TypeShape.Trait.INNER);
        assertThat(traits(Generics.class)).doesNotContain(TypeShape.Trait.LOCAL_OR_ANONYMOUS, TypeShape.Trait.INNER,
                TypeShape.Trait.RECORD, TypeShape.Trait.ENUM);
    }

    @Test
    void shape_ofAParameterisedType_followsItsArgumentsAndSupertypes() {
        ClassFiles classes = ClassFiles.of(LOADER);
        ClassFileMethod nested = classes.read(Generics.class.getName()).methods().stream()
                .filter(m -> m.name().equals("nested")).findFirst().orElseThrow();

        TypeShape shape = Descriptions.shape(nested.genericReturnType(), classes);

        assertThat(shape.sourceText()).isEqualTo("java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>");
        assertThat(shape.has(TypeShape.Trait.INTERFACE)).isTrue();
        assertThat(shape.arguments().get(1).supertypes()).contains("java.util.Collection", "java.lang.Iterable");
    }

    @Test
    void parameterNames_withoutMethodParameters_comeFromTheLocalVariableTable_bySlot() throws IOException {
        ClassFiles classes = compile("-g");

        assertThat(names(classes, "joined")).containsExactly("count", "label", "ratio", "last");
        assertThat(names(classes, "mixed")).containsExactly("wide", "text", "flag");
    }

    @Test
    void parameterNames_fromMethodParameters_needNoDebugInformation() throws IOException {
        ClassFiles classes = compile("-parameters", "-g:none");

        assertThat(names(classes, "joined")).containsExactly("count", "label", "ratio", "last");
        assertThat(names(classes, "mixed")).containsExactly("wide", "text", "flag");
    }

    @Test
    void parameterNames_withoutEitherAttribute_areUnknown() throws IOException {
        ClassFiles classes = compile("-g:none");

        assertThat(names(classes, "joined")).containsExactly(null, null, null, null);
    }

    @Test
    void supertypes_whoseClassFilesAreMissing_areNamed_andTheRestStillRead() {
        ClassFiles classes = ClassFiles.over(madeClasses(Map.of(
                "made/Child", classFile("made/Child", "made/Missing", new String[] {"java/lang/Comparable",
                        "made/AlsoMissing"}, false))));
        ClassFileType child = classes.read("made.Child");

        assertThat(Descriptions.typeView(child).supertypeNames())
                .containsExactly("made.Missing", "java.lang.Comparable", "made.AlsoMissing");
    }

    @Test
    void valueEquality_stopsAtAMissingSupertype_unlessEqualsIsDeclaredBeforeIt() {
        ClassFiles classes = ClassFiles.over(madeClasses(Map.of(
                "made/Plain", classFile("made/Plain", "made/Missing", new String[0], false),
                "made/Equal", classFile("made/Equal", "made/Missing", new String[0], true))));

        assertThat(Descriptions.hasValueEquality("made.Plain", classes)).isFalse();
        assertThat(Descriptions.hasValueEquality("made.Equal", classes)).isTrue();
        assertThat(Descriptions.hasValueEquality("made.Nowhere", classes)).isFalse();
    }

    @Test
    void valueEquality_ofTheJdksFinalValueTypes_isKnownWithoutReadingTheirClassFiles() {
        List<String> reads = new ArrayList<>();
        ClassFiles nothing = ClassFiles.over(internalName -> {
            reads.add(internalName);
            return null;
        });

        assertThat(List.of("java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean",
                "java.math.BigDecimal", "java.util.UUID")).allMatch(name -> Descriptions.hasValueEquality(name, nothing));
        assertThat(reads).isEmpty();
        assertThat(Descriptions.hasValueEquality("java.lang.StringBuilder", nothing)).as("not on the list: read")
                .isFalse();
        assertThat(reads).containsExactly("java/lang/StringBuilder");
    }

    @Test
    void read_missingClassFile_isNull_andABrokenOneThrowsSayingWhy() {
        ClassFiles classes = ClassFiles.over(madeClasses(Map.of("made/Broken", new byte[] {1, 2, 3})));

        assertThat(classes.read("made.Nowhere")).isNull();
        assertThat(classes.find("made.Broken")).isNull();
        assertThatThrownBy(() -> classes.read("made.Broken")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("not a readable class file");
    }

    @Test
    void read_parsesEachClassFileOnce() {
        Map<String, Integer> reads = new HashMap<>();
        ClassFiles.Source source = madeClasses(Map.of("made/Child", classFile("made/Child", "java/lang/Object",
                new String[0], false)));
        ClassFiles classes = ClassFiles.over(internalName -> {
            reads.merge(internalName, 1, Integer::sum);
            return source.read(internalName);
        });

        ClassFileType first = classes.read("made.Child");
        ClassFileType second = classes.read("made.Child");
        classes.read("made.Nowhere");
        classes.find("made.Nowhere");

        assertThat(second).isSameAs(first);
        assertThat(reads).containsExactlyInAnyOrderEntriesOf(Map.of("made/Child", 1, "made/Nowhere", 1));
    }

    @Test
    void describe_readsTheBytesGiven_notTheLoaders() {
        ClassFiles classes = ClassFiles.of(LOADER);
        byte[] replaced = classFile("fixture/classfile/Generics", "java/lang/Object", new String[0], true);

        ClassFileType described = classes.describe(Generics.class.getName(), replaced);

        assertThat(classes.read(Generics.class.getName())).isSameAs(described);
        assertThat(described.methods()).extracting(ClassFileMethod::name).containsExactly("equals");
    }

    @Test
    void bootstrapLoader_readsTheJdksClassFiles() {
        ClassFiles jdk = ClassFiles.of(null);

        assertThat(jdk.read("java.lang.String").superclassName()).isEqualTo("java.lang.Object");
        assertThat(jdk.read("java.util.List").isInterface()).isTrue();
        assertThat(jdk.read("java.util.List").superclassName()).isNull();
        assertThat(Descriptions.hasValueEquality("java.lang.String", jdk)).isTrue();
        assertThat(Descriptions.typeView(jdk.read("java.util.ArrayList")).supertypeNames())
                .contains("java.util.AbstractList", "java.util.List", "java.util.Collection", "java.lang.Object");
    }

    private static MethodInfo describe(Method method) {
        ClassFileType type = ClassFiles.of(LOADER).read(method.getDeclaringClass().getName());
        String descriptor = Type.getMethodDescriptor(method);
        ClassFileMethod found = type.methods().stream()
                .filter(m -> m.name().equals(method.getName()) && m.descriptor().equals(descriptor))
                .findFirst().orElseThrow();
        return Descriptions.methodInfo(type, found, List.of());
    }

    private static MethodInfo describe(Class<?> declaring, String method) {
        ClassFileType type = ClassFiles.of(LOADER).read(declaring.getName());
        ClassFileMethod found = type.methods().stream().filter(m -> m.name().equals(method)).findFirst().orElseThrow();
        return Descriptions.methodInfo(type, found, List.of());
    }

    private static Set<TypeShape.Trait> traits(Class<?> type) {
        TypeShape shape = Descriptions.shape(new GenericType.ClassType(type.getName(), List.of(), null),
                ClassFiles.of(LOADER));
        assertThat(shape.kind()).isEqualTo(TypeShape.Kind.CLASS);
        return shape.traits();
    }

    /** Compiles a class with parameters of every width, with the options given; its class files as a pool. */
    private ClassFiles compile(String... options) throws IOException {
        Path source = temp.resolve("src/lvt/Widths.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package lvt;

                public class Widths {
                    public static String joined(long count, String label, double ratio, int last) {
                        String local = label + count;
                        return local + ratio + last;
                    }

                    public String mixed(double wide, String text, boolean flag) {
                        return text + wide + flag;
                    }
                }
                """);
        Path classes = Files.createDirectories(temp.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("-d", classes.toString(), source.toString()));
        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).isZero();
        return ClassFiles.over(internalName -> {
            Path file = classes.resolve(internalName + ".class");
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        });
    }

    private static List<String> names(ClassFiles classes, String method) {
        return Arrays.asList(classes.read("lvt.Widths").methods().stream().filter(m -> m.name().equals(method))
                .findFirst().orElseThrow().parameterNames());
    }

    /** Class files made here, then the JDK's. */
    private static ClassFiles.Source madeClasses(Map<String, byte[]> made) {
        return internalName -> {
            byte[] bytes = made.get(internalName);
            if (bytes != null) {
                return bytes;
            }
            try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(internalName + ".class")) {
                return in == null ? null : in.readAllBytes();
            }
        };
    }

    /** A public class with the supertypes given; with {@code equals(Object)} when asked. */
    private static byte[] classFile(String name, String superName, String[] interfaces, boolean withEquals) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, superName, interfaces);
        if (withEquals) {
            MethodVisitor equals = writer.visitMethod(Opcodes.ACC_PUBLIC, "equals", "(Ljava/lang/Object;)Z", null,
                    null);
            equals.visitCode();
            equals.visitInsn(Opcodes.ICONST_0);
            equals.visitInsn(Opcodes.IRETURN);
            equals.visitMaxs(0, 0);
            equals.visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }
}
