package dev.cacheagent.runtime;

import dev.cacheagent.bootstrap.Hit;
import dev.cacheagent.cache.CacheEntry;
import dev.cacheagent.cache.Clock;
import dev.cacheagent.cache.CompositeKey;
import dev.cacheagent.cache.Flight;
import dev.cacheagent.cache.Load;
import dev.cacheagent.runtime.CallContext.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One instrumented method and everything its rules do on each call: the caching rule's hit, miss or
 * skip; every rule's timing, evictions, puts and events.
 *
 * <p>Both entry points run on the application's thread. They may throw only their own faults, which
 * {@link CacheRuntime} turns into "run as if the agent were absent"; the original method's outcome is
 * never changed.
 */
final class Site {
    private static final String BYPASSED = "this call ran without the cache";
    /**
     * One hit in 16, picked at random, is sampled: timed, when nothing else times every hit (the rule's
     * hit count stays exact, its latency histogram is a sample), and counted, 16 times over, in the
     * entry's estimated hits. Reading the clock, recording a latency or writing to the shared entry on
     * every hit would cost more than the rest of a hit.
     */
    private static final int HIT_SAMPLE_MASK = 15;
    private static final Object[] NO_ARGUMENTS = {};

    private final String method;
    /** How many parameters the method has; up to three, its calls pass their arguments one by one. */
    private final int arity;
    private final ReturnKind kind;
    private final CachingRule caching;
    private final RulePlan cachingPlan;
    private final RulePlan[] others;
    private final RulePlan[] all;
    private final boolean evictsBefore;
    private final boolean opensFrame;
    /** Whether every hit must be timed: something besides the metrics needs its duration. */
    private final boolean timesEveryHit;
    /** Whether some rule logs hits or calls: a hit then needs the arguments as an array. */
    private final boolean logsHits;
    private final Breakdown breakdown;
    private final Clock clock;
    private final RuleErrors errors;
    /** The caching rule's warm-up and refreshes, or {@code null} when it has neither. */
    private final BackgroundLoads background;

    /**
     * @param caching the caching rule, or {@code null}; {@code cachingPlan} is then {@code null} too
     * @param others the plans of the rules that do not cache, in file order
     * @param breakdown {@code null} when no rule of the file uses {@code breakdown}
     * @param background {@code null} when the caching rule neither warms up nor refreshes ahead
     */
    Site(String method, int arity, ReturnKind kind, CachingRule caching, RulePlan cachingPlan, List<RulePlan> others,
            Breakdown breakdown, Clock clock, RuleErrors errors, BackgroundLoads background) {
        this.method = method;
        this.arity = arity;
        this.kind = kind;
        this.caching = caching;
        this.cachingPlan = cachingPlan;
        // Loops rather than streams: a site is made on the application's thread as a selected class loads.
        this.others = others.toArray(new RulePlan[0]);
        List<RulePlan> every = new ArrayList<>(others.size() + 1);
        if (cachingPlan != null) {
            every.add(cachingPlan);
        }
        every.addAll(others);
        this.all = every.toArray(new RulePlan[0]);
        boolean evicts = false;
        boolean frames = false;
        boolean logs = false;
        for (RulePlan plan : all) {
            evicts |= !plan.evictBefore().isEmpty();
            frames |= plan.breakdown();
            logs |= plan.log() != null;
        }
        this.evictsBefore = evicts;
        this.opensFrame = frames;
        this.timesEveryHit = (cachingPlan != null && cachingPlan.log() != null) || !others.isEmpty()
                || breakdown != null;
        this.logsHits = logs;
        this.breakdown = breakdown;
        this.clock = clock;
        this.errors = errors;
        this.background = background;
    }

    /**
     * See {@link dev.cacheagent.bootstrap.Dispatcher}: {@code null}, a {@link Hit}, or a {@link CallContext}.
     * The first three arguments come one by one, and {@code args} holds them all, or is {@code null} when
     * the call made no array (the method has at most three parameters). A hit evaluates the key from
     * {@code a0}..{@code a2} and makes no array; a call that runs the method makes one for its context.
     */
    Object enter(Object receiver, Object a0, Object a1, Object a2, Object[] args) {
        boolean caches = caching != null && cachingPlan.enabled();
        if (!caches && noneEnabled(others)) {
            return null;
        }
        if (background != null && caches) {
            BackgroundLoad load = background.take(this);
            if (load != null) {
                return openBackground(load, receiver, arguments(a0, a1, a2, args));
            }
        }
        // The clock is read up front only when a hit of this call would be timed; a call that runs the
        // method reads it as soon as it knows (the key's evaluation then goes untimed: nanoseconds).
        boolean sampled = (ThreadLocalRandom.current().nextInt() & HIT_SAMPLE_MASK) == 0;
        boolean timed = timesEveryHit || sampled;
        long start = timed ? clock.nanoTime() : 0;
        if (evictsBefore) {
            args = arguments(a0, a1, a2, args);
            evictBefore(receiver, args);
        }
        if (!caches) {
            return open(Path.PLAIN, since(timed, start), receiver, arguments(a0, a1, a2, args), null, null, null, 0);
        }
        if (caching.condition() != null) {
            boolean holds;
            try {
                holds = caching.condition().test(receiver, a0, a1, a2, args, null);
            } catch (Throwable e) {
                errors.expressionFailed(caching.condition(), e, BYPASSED);
                return open(Path.BYPASS, since(timed, start), receiver, arguments(a0, a1, a2, args), null, null, null,
                        0);
            }
            if (!holds) {
                return open(Path.SKIP, since(timed, start), receiver, arguments(a0, a1, a2, args), null, "condition",
                        null, 0);
            }
        }
        Object key;
        if (caching.key() == null) {
            key = args != null ? CompositeKey.ofArguments(args) : CompositeKey.ofArguments(arity, a0, a1, a2);
        } else {
            Object value;
            try {
                value = caching.key().evaluate(receiver, a0, a1, a2, args, null);
            } catch (Throwable e) {
                errors.expressionFailed(caching.key(), e, BYPASSED);
                return open(Path.BYPASS, since(timed, start), receiver, arguments(a0, a1, a2, args), null, null, null,
                        0);
            }
            key = CompositeKey.of(value);
        }
        if (key == null) {
            return open(Path.SKIP, since(timed, start), receiver, arguments(a0, a1, a2, args), null, "null-key", null,
                    0);
        }
        CacheEntry entry = caching.cache().get(key);
        if (entry != null) {
            if (caching.keepsStale() && !entry.isFreshAt(clock.nanoTime())) {
                // Expired, kept only to be served if the origin fails now; shadow mode never serves.
                return miss(since(timed, start), receiver, arguments(a0, a1, a2, args), key,
                        caching.shadow() ? null : entry);
            }
            if (!caching.accepts(entry.value())) {
                reportMismatch(entry.value());
                return open(Path.BYPASS, since(timed, start), receiver, arguments(a0, a1, a2, args), key, null, null,
                        0);
            }
            if (sampled) {
                entry.recordSampledHit(HIT_SAMPLE_MASK + 1, start);
            }
            if (caching.shadow()) {
                long from = since(timed, start);
                return open(Path.SHADOW, from, receiver, arguments(a0, a1, a2, args), key, null, entry,
                        clock.nanoTime() - from);
            }
            if (background != null) {
                background.afterCall(this, receiver);
                if (background.claimsRefresh(entry)) {
                    background.refresh(this, key, receiver, arguments(a0, a1, a2, args));
                }
            }
            Hit answer = kind.answer(entry);
            if (!timesEveryHit) {
                countHit(timed, start);
                return answer;
            }
            return hit(start, receiver, logsHits ? arguments(a0, a1, a2, args) : null, key, entry, answer);
        }
        return miss(since(timed, start), receiver, arguments(a0, a1, a2, args), key, null);
    }

    /**
     * The call's arguments as an array: {@code args} when the call made one, else a new array of the
     * first {@link #arity} of {@code a0}..{@code a2}.
     */
    private Object[] arguments(Object a0, Object a1, Object a2, Object[] args) {
        if (args != null) {
            return args;
        }
        return switch (arity) {
            case 0 -> NO_ARGUMENTS;
            case 1 -> new Object[] {a0};
            case 2 -> new Object[] {a0, a1};
            case 3 -> new Object[] {a0, a1, a2};
            default -> throw new IllegalStateException(method + " has " + arity
                    + " parameters, but its call passed no argument array");
        };
    }

    /** The call a {@link LoaderThread} makes for a background load: it leads the load's flight. */
    private CallContext openBackground(BackgroundLoad load, Object receiver, Object[] args) {
        try {
            CallContext call = new CallContext(this, Path.BACKGROUND, clock.nanoTime(), receiver, args, load.key(),
                    null, null, 0);
            call.lead = load.flight();
            call.background = load;
            call.originStart = call.start;
            return call;
        } catch (Throwable e) {
            load.flight().abandon();
            throw e;
        }
    }

    /** When the call started: {@code start} if it was read, else now. */
    private long since(boolean read, long start) {
        return read ? start : clock.nanoTime();
    }

    /** @param stale an expired entry of the key, to serve if the method fails, or {@code null} */
    private Object miss(long start, Object receiver, Object[] args, Object key, CacheEntry stale) {
        Load load = caching.cache().beginLoad(key);
        if (load instanceof Load.Leader leader) {
            try {
                CallContext call = open(Path.MISS, start, receiver, args, key, null, null, 0);
                call.lead = leader.flight();
                call.stale = stale;
                return call;
            } catch (Throwable e) {
                leader.flight().abandon();
                throw e;
            }
        }
        // Shadow mode always runs the method, so it never waits for another load.
        if (load instanceof Load.Follower follower && !caching.shadow()) {
            Flight flight = follower.flight();
            if (kind == ReturnKind.FUTURE) {
                CompletableFuture<Object> value = flight.value();
                Hit answer = new Hit(stale == null ? value : orStale(value, stale, start, start, receiver, args, key));
                if (!timesEveryHit) {
                    countHit(true, start);
                    return answer;
                }
                return hit(start, receiver, args, key, null, answer);
            }
            Hit handed = flight.await();
            if (handed != null && caching.accepts(handed.value())) {
                if (!timesEveryHit) {
                    countHit(true, start);
                    return kind.answer(handed);
                }
                return hit(start, receiver, args, key, handed, kind.answer(handed));
            }
        }
        // The leader failed, the wait was interrupted, or this thread is the leader (recursion):
        // run the method, and leave storing to the leader.
        CallContext call = open(Path.MISS, start, receiver, args, key, null, null, 0);
        call.stale = stale;
        return call;
    }

    private CallContext open(Path path, long start, Object receiver, Object[] args, Object key, String skipReason,
            CacheEntry shadowed, long lookupNanos) {
        CallContext call = new CallContext(this, path, start, receiver, args, key, skipReason, shadowed, lookupNanos);
        if (opensFrame) {
            call.frame = breakdown.open();
        }
        call.originStart = clock.nanoTime();
        return call;
    }

    /** Counts a hit that nothing but the metrics times: its latency only when it was sampled ({@code timed}). */
    private void countHit(boolean timed, long start) {
        if (timed) {
            cachingPlan.state().metrics().recordHit(clock.nanoTime() - start);
        } else {
            cachingPlan.state().metrics().countHit();
        }
    }

    /**
     * Times a hit that something besides the metrics needs the duration of ({@link #timesEveryHit}).
     *
     * @param args the call's arguments; may be {@code null} when no rule logs ({@link #logsHits})
     * @param found what the cache (or the load this call waited for) holds; {@code null} for a future
     *     still waiting for the load it follows
     * @param answer what the caller receives
     */
    private Hit hit(long start, Object receiver, Object[] args, Object key, Hit found, Hit answer) {
        long end = clock.nanoTime();
        long nanos = end - start;
        cachingPlan.state().metrics().recordHit(nanos);
        Map<String, Object> nested = opensFrame ? Map.of() : null;
        if (cachingPlan.log() != null) {
            cachingPlan.log().hit(nanos, key, found, end, receiver, args, nested);
        }
        Object result = found == null ? null : found.value();
        for (RulePlan other : others) {
            if (other.enabled()) {
                other.state().metrics().recordCall(nanos);
                if (other.log() != null) {
                    other.log().call(nanos, receiver, args, result, nested);
                }
            }
        }
        if (breakdown != null) {
            breakdown.record(cachingPlan.name(), nanos, Breakdown.Outcome.HIT);
            for (RulePlan other : others) {
                if (other.enabled()) {
                    breakdown.record(other.name(), nanos, Breakdown.Outcome.NEITHER);
                }
            }
        }
        return answer;
    }

    /**
     * See {@link dev.cacheagent.bootstrap.Dispatcher#exit}: what the caller receives. That is what the
     * method returned or threw, except where {@code staleIfError} serves an expired value in place of a
     * failure: then a {@link Hit} for a method that threw, or, for a future, one that completes with
     * the expired value if the method's own future fails.
     */
    Object exit(CallContext call, Object returned, Throwable thrown) {
        try {
            long end = clock.nanoTime();
            long nanos = end - call.start;
            long originNanos = end - call.originStart;
            Map<String, Object> nested = null;
            if (call.frame != null) {
                nested = breakdown.close(call.frame);
                call.frame = null;
            }
            CompletionStage<?> future = thrown == null && kind == ReturnKind.FUTURE
                    && returned instanceof CompletionStage<?> stage ? stage : null;
            Object result = thrown != null || kind == ReturnKind.FUTURE ? null : kind.unwrap(returned);
            if (call.path == Path.BACKGROUND) {
                background.finish(call, future, result, thrown, originNanos);
                return returned;
            }
            Object answer = returned;
            if (future != null && call.stale != null && call.path == Path.MISS) {
                answer = orStale(future, call.stale, call.start, call.originStart, call.receiver, call.args, call.key);
            }

            Breakdown.Outcome outcome = finishCaching(call, future, result, thrown, nanos, originNanos, nested);
            for (RulePlan other : others) {
                if (other.enabled()) {
                    finishOther(other, call, result, thrown, nanos, originNanos, nested);
                }
            }
            if (thrown == null) {
                if (future != null) {
                    future.whenComplete((value, error) -> {
                        if (error == null) {
                            afterReturn(call, value, nanos);
                        }
                    });
                } else if (kind != ReturnKind.FUTURE) {
                    afterReturn(call, result, nanos);
                }
            }
            if (breakdown != null) {
                if (outcome != null) {
                    breakdown.record(cachingPlan.name(), nanos, outcome);
                }
                for (RulePlan other : others) {
                    if (other.enabled()) {
                        breakdown.record(other.name(), nanos, Breakdown.Outcome.NEITHER);
                    }
                }
            }
            if (background != null && call.path != Path.PLAIN) {
                background.afterCall(this, call.receiver);
            }
            return call.servedStale != null ? kind.answer(call.servedStale) : answer;
        } finally {
            if (call.frame != null) {
                breakdown.close(call.frame);
            }
            if (call.lead != null) {
                call.lead.abandon();
            }
        }
    }

    /** @return how the caching rule counts the call for breakdowns, or {@code null} when it took no part */
    private Breakdown.Outcome finishCaching(CallContext call, CompletionStage<?> future, Object result,
            Throwable thrown, long nanos, long originNanos, Map<String, Object> nested) {
        return switch (call.path) {
            case PLAIN -> null;
            case SKIP, BYPASS -> finishWithoutCache(call, result, thrown, nanos, originNanos, nested);
            case SHADOW -> finishShadow(call, future, result, thrown, nanos, originNanos, nested);
            case MISS -> finishMiss(call, future, result, thrown, nanos, originNanos, nested);
            case BACKGROUND -> throw new IllegalStateException("a background load is finished by its loader");
        };
    }

    /** A call that did not use the cache: a plain call for the metrics, whatever the method did. */
    private Breakdown.Outcome finishWithoutCache(CallContext call, Object result, Throwable thrown, long nanos,
            long originNanos, Map<String, Object> nested) {
        cachingPlan.state().metrics().recordCall(nanos);
        RuleLog log = cachingPlan.log();
        if (log != null && thrown != null) {
            log.fetchError(nanos, originNanos, call.key, thrown, call.receiver, call.args, nested);
        } else if (log != null && call.path == Path.SKIP) {
            log.skip(nanos, call.skipReason, call.key, call.receiver, call.args, result, nested);
        }
        return Breakdown.Outcome.NEITHER;
    }

    private Breakdown.Outcome finishShadow(CallContext call, CompletionStage<?> future, Object result,
            Throwable thrown, long nanos, long originNanos, Map<String, Object> nested) {
        // Counted as the hit it would have been, so that hit rates and savings read as if it were served.
        cachingPlan.state().metrics().recordHit(call.lookupNanos);
        RuleLog log = cachingPlan.log();
        if (log == null) {
            return Breakdown.Outcome.HIT;
        }
        if (thrown != null) {
            log.fetchError(nanos, originNanos, call.key, thrown, call.receiver, call.args, nested);
        } else if (future != null) {
            future.whenComplete((value, error) -> {
                if (error == null) {
                    log.shadowHit(nanos, call.key, Objects.equals(call.shadowed.value(), value), call.receiver,
                            call.args, value, nested);
                }
            });
        } else if (kind != ReturnKind.FUTURE) {
            log.shadowHit(nanos, call.key, Objects.equals(call.shadowed.value(), result), call.receiver, call.args,
                    result, nested);
        }
        return Breakdown.Outcome.HIT;
    }

    private Breakdown.Outcome finishMiss(CallContext call, CompletionStage<?> future, Object result, Throwable thrown,
            long nanos, long originNanos, Map<String, Object> nested) {
        var metrics = cachingPlan.state().metrics();
        RuleLog log = cachingPlan.log();
        if (thrown != null) {
            if (call.lead != null) {
                call.lead.fail(thrown);
                call.lead = null;
            }
            metrics.recordOriginError(nanos, originNanos);
            long now = call.originStart + originNanos;
            if (call.stale != null && call.stale.isServableOnErrorAt(now) && caching.accepts(call.stale.value())) {
                call.servedStale = call.stale;
                if (log != null) {
                    log.staleServed(nanos, originNanos, call.key, call.stale, now, thrown, call.receiver, call.args,
                            nested);
                }
            } else if (log != null) {
                log.fetchError(nanos, originNanos, call.key, thrown, call.receiver, call.args, nested);
            }
            return Breakdown.Outcome.MISS;
        }
        metrics.recordMiss(nanos, originNanos);
        if (future != null) {
            Flight lead = call.lead;
            call.lead = null;
            if (lead != null) {
                future.whenComplete((value, error) -> completeLoad(lead, call, value, error));
            }
        } else if (call.lead != null && kind != ReturnKind.FUTURE) {
            call.lead.succeed(result, caching.shouldStore(result, call.receiver, call.args, errors));
            call.lead = null;
        }
        // A method declared to return a future that returned null leaves its load to be abandoned.
        if (log != null) {
            log.miss(nanos, originNanos, call.key, call.receiver, call.args, result, nested);
        }
        return Breakdown.Outcome.MISS;
    }

    /**
     * What the caller of a method returning a future receives when an expired entry may be served in
     * place of a failure: a future that completes as the method's does, or with the expired value if
     * the method's fails while that value may still be served.
     */
    private CompletableFuture<Object> orStale(CompletionStage<?> future, CacheEntry stale, long start,
            long originStart, Object receiver, Object[] args, Object key) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        future.whenComplete((value, error) -> {
            if (error == null) {
                answer.complete(value);
                return;
            }
            long now = clock.nanoTime();
            if (!stale.isServableOnErrorAt(now) || !caching.accepts(stale.value())) {
                answer.completeExceptionally(error);
                return;
            }
            try {
                if (cachingPlan.log() != null) {
                    cachingPlan.log().staleServed(now - start, now - originStart, key, stale, now, error, receiver,
                            args, null);
                }
            } catch (Throwable e) {
                fault(e);
            }
            answer.complete(stale.value());
        });
        return answer;
    }

    /** Runs on the thread that completes the future a leading call returned. */
    private void completeLoad(Flight lead, CallContext call, Object value, Throwable error) {
        try {
            if (error != null) {
                lead.fail(error);
            } else {
                lead.succeed(value, caching.shouldStore(value, call.receiver, call.args, errors));
            }
        } catch (Throwable e) {
            lead.abandon();
            fault(e);
        }
    }

    private void finishOther(RulePlan plan, CallContext call, Object result, Throwable thrown, long nanos,
            long originNanos, Map<String, Object> nested) {
        if (thrown != null) {
            plan.state().metrics().recordOriginError(nanos, originNanos);
            if (plan.log() != null) {
                plan.log().fetchError(nanos, originNanos, null, thrown, call.receiver, call.args, nested);
            }
        } else {
            plan.state().metrics().recordCall(nanos);
            if (plan.log() != null) {
                plan.log().call(nanos, call.receiver, call.args, result, nested);
            }
        }
    }

    private void evictBefore(Object receiver, Object[] args) {
        for (RulePlan plan : all) {
            if (plan.enabled()) {
                for (Eviction eviction : plan.evictBefore()) {
                    try {
                        eviction.run(receiver, args, null, 0, plan.log(), errors);
                    } catch (Throwable e) {
                        fault(e);
                    }
                }
            }
        }
    }

    /**
     * Evictions after the call and puts: after a normal return (for a future: once it completed
     * normally). Each runs on its own: one that fails does not keep the others from running.
     */
    private void afterReturn(CallContext call, Object result, long nanos) {
        for (RulePlan plan : all) {
            if (plan.enabled()) {
                for (Eviction eviction : plan.evictAfter()) {
                    try {
                        eviction.run(call.receiver, call.args, result, nanos, plan.log(), errors);
                    } catch (Throwable e) {
                        fault(e);
                    }
                }
                for (Put put : plan.puts()) {
                    try {
                        put.run(call.receiver, call.args, result, nanos, plan.log(), errors);
                    } catch (Throwable e) {
                        fault(e);
                    }
                }
            }
        }
    }

    private void reportMismatch(Object value) {
        errors.report(caching, cachingPlan.name(), method,
                "cache '" + caching.cache().cacheName() + "' holds a " + value.getClass().getName()
                        + " under this key, but this method returns " + caching.values().expected()
                        + ", so " + BYPASSED + " — rules that share a cache must store values of the same type",
                null);
    }

    /** A fault of the agent itself, met on the application's thread: reported, never thrown. */
    void fault(Throwable error) {
        errors.report(this, all[0].name(), method,
                "cache-agent failed while handling this call; the call ran as if the agent were absent", error);
    }

    /** Whether some rule of this method is switched on; with none, a call goes through untouched. */
    boolean anyRuleEnabled() {
        return !noneEnabled(all);
    }

    private static boolean noneEnabled(RulePlan[] plans) {
        for (RulePlan plan : plans) {
            if (plan.enabled()) {
                return false;
            }
        }
        return true;
    }
}
