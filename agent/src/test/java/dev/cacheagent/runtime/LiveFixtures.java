package dev.cacheagent.runtime;

import dev.cacheagent.bootstrap.Dispatcher;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Services whose methods call the runtime exactly as instrumented ones do (see {@link Harness#callOn}),
 * so that the agent's background loads, which call the method itself by reflection, take the same path.
 */
final class LiveFixtures {
    private LiveFixtures() {}

    /** The method of {@link PromptService}, as the instrumentation describes it. */
    static final MethodInfo GET = TestRules.methodOf(PromptService.class.getName(), "get", "java.lang.String",
            "java.lang.String", "java.lang.String style");

    /** The method of {@link StaticPrompts}. */
    static final MethodInfo LOOKUP = new MethodInfo(StaticPrompts.class.getName(), "lookup",
            List.of(new MethodInfo.Parameter("style", "java.lang.String", true)), "java.lang.String",
            "java.lang.String", true);

    /** The method of {@link AsyncPromptService}. */
    static final MethodInfo FETCH = TestRules.methodOf(AsyncPromptService.class.getName(), "fetch",
            "java.util.concurrent.CompletableFuture", "java.util.concurrent.CompletableFuture<java.lang.String>",
            "java.lang.String style");

    /** A method the tests bind to a site; its body is the given function, and it records who ran it. */
    static final class PromptService {
        private final Dispatcher runtime;
        private final int site;
        private final Function<String, Object> origin;
        /** The thread of each origin call, in order. */
        final List<String> originThreads = new CopyOnWriteArrayList<>();

        PromptService(Dispatcher runtime, int site, Function<String, Object> origin) {
            this.runtime = runtime;
            this.site = site;
            this.origin = origin;
        }

        String get(String style) throws Throwable {
            return (String) Harness.callOn(runtime, site, this, () -> {
                originThreads.add(Thread.currentThread().getName());
                return origin.apply(style);
            }, style);
        }
    }

    /** As {@link PromptService}, returning a future. */
    static final class AsyncPromptService {
        private final Dispatcher runtime;
        private final int site;
        private final Function<String, CompletableFuture<String>> origin;

        AsyncPromptService(Dispatcher runtime, int site, Function<String, CompletableFuture<String>> origin) {
            this.runtime = runtime;
            this.site = site;
            this.origin = origin;
        }

        @SuppressWarnings("unchecked")
        CompletableFuture<String> fetch(String style) throws Throwable {
            return (CompletableFuture<String>) Harness.callOn(runtime, site, this, () -> origin.apply(style), style);
        }
    }

    /** A static method: the agent finds its class from the call's stack. */
    static final class StaticPrompts {
        /** What the static method calls; set by the one test that uses it. */
        static final AtomicReference<PromptService> TARGET = new AtomicReference<>();

        private StaticPrompts() {}

        static String lookup(String style) throws Throwable {
            PromptService service = TARGET.get();
            return (String) Harness.callOn(service.runtime, service.site, null, () -> {
                service.originThreads.add(Thread.currentThread().getName());
                return service.origin.apply(style);
            }, style);
        }
    }
}
