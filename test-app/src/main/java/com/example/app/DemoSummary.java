package com.example.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a demo run did: preview request latency, how much work reached the database, the provider and the builder,
 * and per workload how its calls ended.
 *
 * @param requests   preview requests made; {@code p50Ms}…{@code p99Ms} are their latencies
 * @param promptQueries the database queries made for style prompts (part of {@code dbQueries})
 * @param errors     calls that threw unexpectedly (the scripted build crash is not one)
 * @param firstErrors up to {@link #ERRORS_SHOWN} of their messages
 */
record DemoSummary(int requests, double p50Ms, double p95Ms, double p99Ms, long dbQueries, long promptQueries,
                   long providerCalls,
                   long builds, long errors, long seed, int threads, long wallMs,
                   Map<Workload, WorkloadSummary> workloads, List<String> firstErrors) {

    static final int ERRORS_SHOWN = 5;

    /** The prefix of the summary's machine-readable last line. */
    static final String MACHINE_LINE_PREFIX = "DEMO_SUMMARY ";

    /** One workload's calls: how many, how they ended, how long they took. */
    record WorkloadSummary(int calls, Map<Outcome, Integer> outcomes, double p50Ms, double p95Ms, double p99Ms) {

        static WorkloadSummary of(List<StepResult> results) {
            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, 0);
            }
            results.forEach(result -> outcomes.merge(result.outcome(), 1, Integer::sum));
            Latencies latencies = new Latencies(results.stream().mapToLong(StepResult::nanos).toArray());
            return new WorkloadSummary(results.size(), outcomes, latencies.percentileMs(50),
                    latencies.percentileMs(95), latencies.percentileMs(99));
        }
    }

    static DemoSummary of(Command.Demo demo, List<StepResult> results, long wallNanos, long dbQueries,
                          long promptQueries, long providerCalls, long builds) {
        Map<Workload, WorkloadSummary> workloads = new EnumMap<>(Workload.class);
        for (Workload workload : Workload.values()) {
            workloads.put(workload, WorkloadSummary.of(
                    results.stream().filter(result -> result.workload() == workload).toList()));
        }
        WorkloadSummary previews = workloads.get(Workload.PREVIEW);
        List<String> errors = results.stream().map(StepResult::error).flatMap(Optional::stream).toList();
        return new DemoSummary(previews.calls(), previews.p50Ms(), previews.p95Ms(), previews.p99Ms(), dbQueries,
                promptQueries,
                providerCalls, builds, errors.size(), demo.seed(), demo.threads(), wallNanos / 1_000_000,
                workloads, errors.subList(0, Math.min(ERRORS_SHOWN, errors.size())));
    }

    /** The summary for people: a few lines of totals and a table of workloads. */
    List<String> humanLines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "test-app demo: %d preview requests in %.1f s (seed %d, %d threads)",
                requests, wallMs / 1000.0, seed, threads));
        lines.add(String.format(Locale.ROOT, "preview request latency: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms",
                p50Ms, p95Ms, p99Ms));
        lines.add("database queries: " + dbQueries);
        lines.add("  style prompts:  " + promptQueries);
        lines.add("provider calls:   " + providerCalls);
        lines.add("builds run:       " + builds);
        lines.add("errors:           " + errors);
        firstErrors.forEach(error -> lines.add("  " + error));
        lines.add(String.format(Locale.ROOT, "%-14s %6s %6s %6s %7s %6s %9s %9s", "workload", "calls", "ok",
                "failed", "crashed", "errors", "p50 ms", "p95 ms"));
        workloads.forEach((workload, summary) -> lines.add(String.format(Locale.ROOT,
                "%-14s %6d %6d %6d %7d %6d %9.2f %9.2f", workload.summaryName(), summary.calls(),
                summary.outcomes().get(Outcome.OK), summary.outcomes().get(Outcome.FAILED),
                summary.outcomes().get(Outcome.CRASHED), summary.outcomes().get(Outcome.ERROR), summary.p50Ms(),
                summary.p95Ms())));
        return lines;
    }

    /** The summary for programs: {@code DEMO_SUMMARY } followed by one JSON object. */
    String machineLine() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", requests);
        json.put("p50Ms", p50Ms);
        json.put("p95Ms", p95Ms);
        json.put("p99Ms", p99Ms);
        json.put("dbQueries", dbQueries);
        json.put("promptQueries", promptQueries);
        json.put("providerCalls", providerCalls);
        json.put("builds", builds);
        json.put("errors", errors);
        json.put("seed", seed);
        json.put("threads", threads);
        json.put("wallMs", wallMs);
        Map<String, Object> perWorkload = new LinkedHashMap<>();
        workloads.forEach((workload, summary) -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("calls", summary.calls());
            summary.outcomes().forEach((outcome, count) -> counts.put(outcome.summaryName(), count));
            counts.put("p50Ms", summary.p50Ms());
            counts.put("p95Ms", summary.p95Ms());
            counts.put("p99Ms", summary.p99Ms());
            perWorkload.put(workload.summaryName(), counts);
        });
        json.put("workloads", perWorkload);
        try {
            return MACHINE_LINE_PREFIX + new ObjectMapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of numbers always serializes", e);
        }
    }
}
