package dev.cacheagent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.is;

import dev.cacheagent.config.Rule;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.dynamic.VisibilityBridgeStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.LatentMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * The class file transformer the agent installs: name first, so that a class no rule can select costs
 * a string check and nothing is parsed. Only a class whose name a rule may select is described, from its
 * class file bytes, and rewritten with advice in the methods a rule binds.
 *
 * <p>Rewriting never changes the class format (no field or method added), so that the same transformation
 * also serves retransformation: of the classes already loaded at start or attach, and at a reload.
 */
final class RuleTransformer implements ClassFileTransformer {
    /**
     * Set while this thread transforms: describing a type or binding its sites may load classes, and a
     * class loaded from inside a transformation is left as it is rather than transformed re-entrantly.
     */
    private final ThreadLocal<Boolean> transforming = new ThreadLocal<>();

    private final Instrumenter instrumenter;
    /** Built on the first class that needs it: creating it loads a good part of Byte Buddy. */
    private volatile ByteBuddy byteBuddy;

    RuleTransformer(Instrumenter instrumenter) {
        this.instrumenter = instrumenter;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] classfile) {
        if (internalName == null) {
            return null;
        }
        String name = internalName.replace('/', '.');
        Instrumenter.Plan plan = instrumenter.plan();
        if (IgnoredTypes.ignored(name) || !plan.matcher().mayMatch(name) || transforming.get() != null) {
            return null;
        }
        transforming.set(Boolean.TRUE);
        try {
            return rewrite(plan, loader, name, classBeingRedefined, domain, classfile);
        } catch (Throwable e) {
            instrumenter.reportTransformError(name, e);
            return null;
        } finally {
            transforming.remove();
        }
    }

    /** The rewritten class file, or {@code null} when no rule selects the type or binds one of its methods. */
    private byte[] rewrite(Instrumenter.Plan plan, ClassLoader loader, String name, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] classfile) {
        // Described from the bytes handed over, then from the loader's class files where a rule needs another.
        ClassFileType type = ClassFiles.of(loader).describe(name, classfile);
        List<Rule> typeRules = plan.matcher().rulesFor(Descriptions.typeView(type));
        if (typeRules.isEmpty()) {
            return null;
        }
        // Byte Buddy describes the type once more, only to redefine it (until the ASM rewriter replaces this part).
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classfile),
                ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = new TypePool.Default.WithLazyResolution(TypePool.CacheProvider.Simple.withObjectType(),
                locator, TypePool.Default.ReaderMode.EXTENDED);
        TypeDescription description = pool.describe(name).resolve();
        DynamicType.Builder<?> original = byteBuddy()
                .redefine(description, locator)
                .ignoreAlso(LatentMatcher.ForSelfDeclaredMethod.NOT_DECLARED);
        JavaModule module = classBeingRedefined == null ? null : JavaModule.ofType(classBeingRedefined);
        DynamicType.Builder<?> advised = instrumenter.transform(original, type, description, loader, module, domain);
        if (advised == original) {
            return null;
        }
        return advised.make(TypeResolutionStrategy.Disabled.INSTANCE, pool).getBytes();
    }

    /**
     * Runs the rewrite once on a class file of the agent's own ({@link Sample}, never loaded) and throws the
     * result away: Byte Buddy's classes load and its code warms up on the calling thread, off the application's,
     * so that the first application class a rule selects does not pay for it while the application waits.
     */
    void warmUp() {
        ClassLoader agentLoader = RuleTransformer.class.getClassLoader();
        String sample = RuleTransformer.class.getName() + "$Sample";
        ClassFileType type = ClassFiles.of(agentLoader).read(sample);
        ClassFileLocator locator = ClassFileLocator.ForClassLoader.of(agentLoader);
        TypePool pool = new TypePool.Default.WithLazyResolution(TypePool.CacheProvider.Simple.withObjectType(),
                locator, TypePool.Default.ReaderMode.EXTENDED);
        TypeDescription description = pool.describe(sample).resolve();
        DynamicType.Builder<?> builder = byteBuddy().redefine(description, locator)
                .ignoreAlso(LatentMatcher.ForSelfDeclaredMethod.NOT_DECLARED);
        for (ClassFileMethod method : type.methods()) {
            Descriptions.methodInfo(type, method, List.of());
        }
        for (MethodDescription.InDefinedShape method : description.getDeclaredMethods()) {
            if (method.getName().equals("value")) {
                builder = builder.visit(SiteAdvice.of(method, -1).on(is(method)));
            }
        }
        builder
                .make(TypeResolutionStrategy.Disabled.INSTANCE, pool)
                .getBytes();
    }

    /** What {@link #warmUp} rewrites: a method shaped like the ones rules select. */
    private static final class Sample {
        private Sample() {}

        String value(String name) {
            return name.trim();
        }
    }

    /** Redefinition that keeps the class format: no field, method or bridge added, no type initializer changed. */
    private ByteBuddy byteBuddy() {
        ByteBuddy current = byteBuddy;
        if (current == null) {
            current = new ByteBuddy()
                    .with(Implementation.Context.Disabled.Factory.INSTANCE)
                    .with(InstrumentedType.Factory.Default.FROZEN)
                    .with(VisibilityBridgeStrategy.Default.NEVER);
            byteBuddy = current;
        }
        return current;
    }
}
