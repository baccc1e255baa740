package com.example.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the demo script against the services from a few threads, timing every call, and sums it up. */
final class DemoRunner {

    private final Services services;

    DemoRunner(Services services) {
        this.services = services;
    }

    DemoSummary run(Command.Demo demo) throws InterruptedException {
        List<DemoStep> steps = DemoScript.steps(demo.requests(), demo.seed());
        List<Callable<StepResult>> calls = steps.stream().<Callable<StepResult>>map(step -> () -> run(step)).toList();
        ExecutorService workers = Executors.newFixedThreadPool(demo.threads(), workerThreads());
        long start = System.nanoTime();
        List<Future<StepResult>> futures;
        try {
            futures = workers.invokeAll(calls);
        } finally {
            workers.shutdownNow();
        }
        long wallNanos = System.nanoTime() - start;
        List<StepResult> results = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            results.add(result(steps.get(i), futures.get(i)));
        }
        return DemoSummary.of(demo, results, wallNanos, services.dbQueries(), services.promptQueries(),
                services.providerCalls(),
                services.builds());
    }

    private StepResult run(DemoStep step) {
        long start = System.nanoTime();
        try {
            Outcome outcome = step.action().run(services);
            return new StepResult(step.workload(), outcome, System.nanoTime() - start, Optional.empty());
        } catch (RuntimeException e) {
            return new StepResult(step.workload(), Outcome.ERROR, System.nanoTime() - start, Optional.of(describe(e)));
        }
    }

    /** A step that died of an Error rather than an exception still counts, as an error. */
    private static StepResult result(DemoStep step, Future<StepResult> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return new StepResult(step.workload(), Outcome.ERROR, 0, Optional.of(describe(e.getCause())));
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + ": " + e.getMessage();
    }

    private static java.util.concurrent.ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> new Thread(runnable, "demo-worker-" + count.incrementAndGet());
    }
}
