package dev.cacheagent.instrumentation;

import dev.cacheagent.matching.TypeView;
import java.lang.instrument.Instrumentation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The classes the JVM has loaded, as a reload sees them: which of them the old or the new rules select,
 * and of those, which would be instrumented differently.
 *
 * <p>Candidates are picked by name and by their loaded supertypes (reflection, nothing parsed); only
 * they are described from their class files, as the transformer describes them, so that parameter
 * names and site keys come out the same.
 */
final class LoadedClasses {
    private final Instrumentation instrumentation;
    /** One pool of class files per class loader (a {@code null} key for the bootstrap loader), for this reload only. */
    private final Map<ClassLoader, ClassFiles> pools = new HashMap<>();

    LoadedClasses(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    List<Class<?>> whoseSitesChange(Instrumenter.Plan before, Instrumenter.Plan after, Instrumenter.Reporter reporter) {
        List<Class<?>> affected = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (isCandidate(type, before, after) && sitesChange(type, before, after, reporter)) {
                affected.add(type);
            }
        }
        return affected;
    }

    private boolean isCandidate(Class<?> type, Instrumenter.Plan before, Instrumenter.Plan after) {
        return selects(instrumentation, type, before) || selects(instrumentation, type, after);
    }

    /**
     * Whether a plan's rules select a loaded class, by its name and its loaded supertypes (reflection:
     * nothing parsed); the transformer then decides on its methods.
     */
    static boolean selects(Instrumentation instrumentation, Class<?> type, Instrumenter.Plan plan) {
        try {
            String name = type.getName();
            if (type.isArray() || type.isPrimitive() || type.isHidden() || IgnoredTypes.ignored(name)
                    || !plan.matcher().mayMatch(name) || !instrumentation.isModifiableClass(type)) {
                return false;
            }
            return !plan.matcher().rulesFor(new LoadedType(type)).isEmpty();
        } catch (RuntimeException | LinkageError unreadable) {
            return false;
        }
    }

    /** A loaded class as matching sees it. */
    private record LoadedType(Class<?> type) implements TypeView {
        @Override
        public String name() {
            return type.getName();
        }

        @Override
        public Set<String> supertypeNames() {
            Set<String> names = new LinkedHashSet<>();
            Deque<Class<?>> pending = new ArrayDeque<>(List.of(type));
            while (!pending.isEmpty()) {
                Class<?> current = pending.poll();
                Class<?> superclass = current.getSuperclass();
                if (superclass != null && names.add(superclass.getName())) {
                    pending.add(superclass);
                }
                for (Class<?> i : current.getInterfaces()) {
                    if (names.add(i.getName())) {
                        pending.add(i);
                    }
                }
            }
            return names;
        }
    }

    /** Whether the type's methods get other site numbers (or none, or some) under the new rules. */
    private boolean sitesChange(Class<?> type, Instrumenter.Plan before, Instrumenter.Plan after,
            Instrumenter.Reporter reporter) {
        try {
            ClassLoader loader = type.getClassLoader();
            ClassFileType description = pool(loader).read(type.getName());
            if (description == null) {
                // No class file to compare: retransforming lets the transformer decide.
                return true;
            }
            return !Objects.equals(Instrumenter.sites(description, loader, before, false, reporter),
                    Instrumenter.sites(description, loader, after, true, reporter));
        } catch (RuntimeException | LinkageError unreadable) {
            return true;
        }
    }

    private ClassFiles pool(ClassLoader loader) {
        ClassFiles pool = pools.get(loader);
        if (pool == null) {
            pool = ClassFiles.of(loader);
            pools.put(loader, pool);
        }
        return pool;
    }
}
