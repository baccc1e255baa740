package dev.cacheagent.runtime;

import dev.cacheagent.cache.CacheEntry;
import dev.cacheagent.cache.Clock;
import dev.cacheagent.cache.Flight;
import dev.cacheagent.cache.Load;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The loads one call site runs in the background for its caching rule: its {@code warmup} (once per
 * runtime, after the method's first call, on that call's receiver) and its refreshes ahead of expiry
 * ({@code refreshAhead}: once per entry, when a hit finds it due).
 *
 * <p>A background load calls the instrumented method itself on a {@link LoaderThread}, marked as that
 * load, so it obeys the rule's condition, key and {@code unless} like any call, leads the single
 * flight of its key (callers that miss meanwhile wait for it), and loses to an eviction or put that
 * overtakes it. The application's thread only queues the load: it never waits for it.
 */
final class BackgroundLoads {
    private final MethodInfo info;
    private final String rule;
    private final CachingRule caching;
    private final RuleLog log;
    private final RuleErrors errors;
    private final Clock clock;
    private final LoaderThreads threads;
    private final OriginalMethod original;
    private final List<List<Object>> warmup;
    private final boolean refreshes;
    private final AtomicBoolean warmupQueued = new AtomicBoolean();

    /**
     * @param log the caching rule's events, or {@code null}
     * @param warmup the rule's warm-up argument lists that fit the method (as far as names tell); may be empty
     * @param refreshes whether hits refresh entries ahead of expiry
     */
    BackgroundLoads(MethodInfo info, String rule, CachingRule caching, RuleLog log, RuleErrors errors, Clock clock,
            LoaderThreads threads, List<List<Object>> warmup, boolean refreshes) {
        this.info = info;
        this.rule = rule;
        this.caching = caching;
        this.log = log;
        this.errors = errors;
        this.clock = clock;
        this.threads = threads;
        this.original = new OriginalMethod(info);
        this.warmup = List.copyOf(warmup);
        this.refreshes = refreshes;
    }

    /** On entering the method: the background load this call is, or {@code null} for an ordinary call. */
    BackgroundLoad take(Site site) {
        return Thread.currentThread() instanceof LoaderThread thread ? thread.take(site) : null;
    }

    /** After a call that used the cache: queues the warm-up if this was the method's first such call. */
    void afterCall(Site site, Object receiver) {
        if (warmup.isEmpty() || warmupQueued.get() || !warmupQueued.compareAndSet(false, true)) {
            return;
        }
        Class<?> type = original.declaringClass(receiver);
        if (!threads.warmup(() -> warmUp(site, type, receiver))) {
            errors.report(this, rule, info.displayName(), "the warm-up could not be queued (the agent is shutting "
                    + "down or too many warm-ups are waiting); the keys load on their first calls instead", null);
        }
    }

    /**
     * On a hit on {@code entry}: whether this hit is the one to refresh it ahead of its expiry (it is due
     * and no other hit claimed it); if so, the caller then calls {@link #refresh}.
     */
    boolean claimsRefresh(CacheEntry entry) {
        return refreshes && entry.isRefreshDueAt(clock.nanoTime()) && entry.claimRefresh();
    }

    /** Queues the refresh of the key a hit claimed with {@link #claimsRefresh}. */
    void refresh(Site site, Object key, Object receiver, Object[] args) {
        Class<?> type = original.declaringClass(receiver);
        if (!threads.refresh(() -> refresh(site, type, receiver, args, key))) {
            errors.report(this, rule, info.displayName(), "too many refreshes are waiting, so an entry was not "
                    + "refreshed ahead of its expiry; it reloads on the first call after it expires", null);
        }
    }

    private void warmUp(Site site, Class<?> type, Object receiver) {
        for (int i = 0; i < warmup.size(); i++) {
            BackgroundLoad.Kind kind = BackgroundLoad.Kind.WARMUP;
            Method method;
            Object[] args;
            try {
                method = resolve(type);
                args = WarmupArguments.fit(warmup.get(i), method.getParameterTypes(), info);
            } catch (WarmupArguments.Misfit misfit) {
                failed(kind, null, null, "warmup[" + i + "] " + misfit.getMessage() + " — fix rule '" + rule + "'",
                        receiver, null);
                continue;
            } catch (ReflectiveOperationException | RuntimeException e) {
                failed(kind, null, e, "cache-agent could not call " + info.displayName() + " to warm it up",
                        receiver, null);
                return;
            }
            load(site, kind, method, receiver, args, null);
        }
    }

    private void refresh(Site site, Class<?> type, Object receiver, Object[] args, Object key) {
        Method method;
        try {
            method = resolve(type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            failed(BackgroundLoad.Kind.REFRESH, key, e, "cache-agent could not call " + info.displayName()
                    + " to refresh the entry", receiver, null);
            return;
        }
        load(site, BackgroundLoad.Kind.REFRESH, method, receiver, args, key);
    }

    private Method resolve(Class<?> type) throws ReflectiveOperationException {
        if (type == null) {
            throw new ClassNotFoundException("the class that declares " + info.displayName()
                    + " could not be told from the call");
        }
        return original.in(type);
    }

    /**
     * Loads one key on this loader thread, unless the rule says otherwise for these arguments, the key no
     * longer {@linkplain #needsLoad needs it}, or a load of the key is running (it fills the entry).
     *
     * @param expectedKey for a refresh, the key of the entry: arguments changed since then load nothing
     */
    private void load(Site site, BackgroundLoad.Kind kind, Method method, Object receiver, Object[] args,
            Object expectedKey) {
        Object key;
        try {
            if (!caching.admits(receiver, args)) {
                failed(kind, expectedKey, null, "the rule's condition is false for these arguments", receiver, args);
                return;
            }
            key = caching.keyOf(receiver, args);
        } catch (CachingRule.ExpressionFailed e) {
            errors.expressionFailed(e.expression(), e.getCause(), "nothing was loaded in the background");
            failed(kind, expectedKey, e.getCause(), e.getMessage() + " failed", receiver, args);
            return;
        }
        if (key == null) {
            failed(kind, null, null, "the key is null for these arguments", receiver, args);
            return;
        }
        if (expectedKey != null && !expectedKey.equals(key)) {
            failed(kind, expectedKey, null, "the call's arguments changed after it was answered", receiver, args);
            return;
        }
        if (!needsLoad(kind, key)) {
            return;
        }
        if (!(caching.cache().beginLoad(key, kind.source()) instanceof Load.Leader leader)) {
            return;
        }
        LoaderThread thread = (LoaderThread) Thread.currentThread();
        thread.hand(new BackgroundLoad(site, kind, key, leader.flight()));
        try {
            OriginalMethod.invoke(method, receiver, args);
        } catch (InvocationTargetException thrown) {
            // The method threw: its call site ended the load and wrote the error event.
        } catch (ReflectiveOperationException | RuntimeException e) {
            leader.flight().abandon();
            failed(kind, key, e, "cache-agent could not call " + info.displayName(), receiver, args);
        } finally {
            if (thread.withdraw()) {
                leader.flight().abandon();
                failed(kind, key, null, "the call did not reach the cache (the rule was switched off)", receiver,
                        args);
            }
        }
    }

    /**
     * Whether the key still needs this load: a warm-up never overwrites a fresh entry; a refresh runs only
     * while the entry is there and due (another instance, or a call that missed, may have reloaded it
     * meanwhile, and an eviction wins).
     */
    private boolean needsLoad(BackgroundLoad.Kind kind, Object key) {
        CacheEntry current = caching.cache().get(key);
        long now = clock.nanoTime();
        boolean fresh = current != null && current.isFreshAt(now);
        return kind == BackgroundLoad.Kind.WARMUP ? !fresh : fresh && current.isRefreshDueAt(now);
    }

    /**
     * The background call of the method returned or threw, as its call site saw it: stores the value
     * (for a future, once it completes) and writes the load's event.
     */
    void finish(CallContext call, CompletionStage<?> future, Object result, Throwable thrown, long nanos) {
        BackgroundLoad load = call.background;
        call.lead = null;
        if (future != null) {
            long start = call.originStart;
            future.whenComplete((value, error) -> complete(load, call, value, error, clock.nanoTime() - start));
        } else {
            complete(load, call, result, thrown, nanos);
        }
    }

    private void complete(BackgroundLoad load, CallContext call, Object value, Throwable error, long nanos) {
        Flight flight = load.flight();
        try {
            if (error != null) {
                flight.fail(error);
                event(load.kind(), false, nanos, load.key(), error, null, call.receiver, call.args, null);
                return;
            }
            boolean store = caching.shouldStore(value, call.receiver, call.args, errors);
            if (flight.succeed(value, store)) {
                event(load.kind(), true, nanos, load.key(), null, null, call.receiver, call.args, value);
            } else {
                event(load.kind(), false, nanos, load.key(), null, store
                        ? "an eviction or put of this key overtook the load, so its value was not stored"
                        : "the value was not stored: it is null or the rule's unless refused it",
                        call.receiver, call.args, value);
            }
        } catch (Throwable e) {
            flight.abandon();
            errors.report(this, rule, info.displayName(), "cache-agent failed while storing a background load",
                    e);
        }
    }

    private void failed(BackgroundLoad.Kind kind, Object key, Throwable error, String reason, Object receiver,
            Object[] args) {
        event(kind, false, 0, key, error, reason, receiver, args, null);
    }

    private void event(BackgroundLoad.Kind kind, boolean stored, long nanos, Object key, Throwable error,
            String reason, Object receiver, Object[] args, Object result) {
        if (log != null) {
            log.background(stored ? kind.stored() : kind.failed(), nanos, key, kind.source(), error, reason, receiver,
                    args, result);
        }
    }
}
