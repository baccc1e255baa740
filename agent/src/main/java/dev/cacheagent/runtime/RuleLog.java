package dev.cacheagent.runtime;

import dev.cacheagent.bootstrap.Hit;
import dev.cacheagent.cache.CacheEntry;
import dev.cacheagent.cache.KeyText;
import dev.cacheagent.config.LogSpec;
import dev.cacheagent.observe.Event;
import dev.cacheagent.observe.EventLog;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The per-call events of one rule on one method: which ones its {@code log} section asks for, and
 * what goes in them. An event is built only once it is certain to be written, so a rule that does not
 * log hits costs nothing on the hit path.
 */
final class RuleLog {
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    /** A custom field: its name and expression. */
    record Field(String name, BoundExpression expression) {}

    private final EventLog events;
    private final RuleErrors errors;
    private final String channel;
    private final String rule;
    private final String cache;
    private final String method;
    private final boolean hashKeys;
    private final Set<CallEvent> wanted;
    private final double sample;
    private final long slowerThanNanos;
    private final List<Field> fields;
    private final boolean breakdown;

    /**
     * @param cache the rule's own cache, or {@code null}
     * @param hashKeys write {@code keyHash} instead of {@code key} (the method has secret-like parameters)
     */
    RuleLog(LogSpec spec, String rule, String cache, String method, boolean hashKeys, List<Field> fields,
            EventLog events, RuleErrors errors) {
        this.events = events;
        this.errors = errors;
        this.channel = spec.channel();
        this.rule = rule;
        this.cache = cache;
        this.method = method;
        this.hashKeys = hashKeys;
        EnumSet<CallEvent> wanted = EnumSet.noneOf(CallEvent.class);
        for (CallEvent event : CallEvent.values()) {
            if (spec.events().contains(event.label())) {
                wanted.add(event);
            }
        }
        this.wanted = wanted;
        this.sample = spec.sample();
        this.slowerThanNanos = spec.slowerThan().toNanos();
        this.fields = List.copyOf(fields);
        this.breakdown = spec.breakdown();
    }

    /** Whether this rule's calls carry the calls made inside them. */
    boolean breakdown() {
        return breakdown;
    }

    /** Whether an event of this kind, for a call that took {@code nanos}, is to be written. */
    boolean wants(CallEvent event, long nanos) {
        if (!wanted.contains(event)) {
            return false;
        }
        if (event.isError()) {
            return true;
        }
        if (nanos < slowerThanNanos) {
            return false;
        }
        return sample >= 1.0 || sample > 0.0 && ThreadLocalRandom.current().nextDouble() < sample;
    }

    /**
     * @param found the entry served, a value handed over by the load this call waited for, or {@code null}
     *     (a future still waiting for that load)
     */
    void hit(long nanos, Object key, Hit found, long now, Object receiver, Object[] args,
            Map<String, Object> nested) {
        if (!wants(CallEvent.HIT, nanos)) {
            return;
        }
        Event.Builder event = start(CallEvent.HIT, nanos, cache);
        if (found instanceof CacheEntry entry) {
            event.tier(entry.tier()).ageMs(entry.ageNanos(now) / NANOS_PER_MILLI).source(entry.source().label());
        } else {
            // A value handed over by the load this call waited for: fresh from the origin, in this JVM.
            event.tier("local").ageMs(0).source(CacheEntry.Source.ORIGIN.label());
        }
        finish(event, key, receiver, args, found == null ? null : found.value(), nested);
    }

    void miss(long nanos, long originNanos, Object key, Object receiver, Object[] args, Object result,
            Map<String, Object> nested) {
        if (wants(CallEvent.MISS, nanos)) {
            finish(start(CallEvent.MISS, nanos, cache).originMs(originNanos / NANOS_PER_MILLI), key, receiver, args,
                    result, nested);
        }
    }

    void skip(long nanos, String reason, Object key, Object receiver, Object[] args, Object result,
            Map<String, Object> nested) {
        if (wants(CallEvent.SKIP, nanos)) {
            finish(start(CallEvent.SKIP, nanos, cache).reason(reason), key, receiver, args, result, nested);
        }
    }

    void fetchError(long nanos, long originNanos, Object key, Throwable error, Object receiver, Object[] args,
            Map<String, Object> nested) {
        if (wants(CallEvent.FETCH_ERROR, nanos)) {
            finish(start(CallEvent.FETCH_ERROR, nanos, cache).originMs(originNanos / NANOS_PER_MILLI).error(error), key,
                    receiver, args, null, nested);
        }
    }

    /** The method threw (or its future failed) and {@code stale}, an expired entry, was served instead. */
    void staleServed(long nanos, long originNanos, Object key, CacheEntry stale, long now, Throwable error,
            Object receiver, Object[] args, Map<String, Object> nested) {
        if (wants(CallEvent.STALE_SERVED, nanos)) {
            Event.Builder event = start(CallEvent.STALE_SERVED, nanos, cache).tier(stale.tier())
                    .originMs(originNanos / NANOS_PER_MILLI).ageMs(stale.ageNanos(now) / NANOS_PER_MILLI)
                    .source(stale.source().label()).error(error);
            finish(event, key, receiver, args, stale.value(), nested);
        }
    }

    /**
     * A load run in the background: {@code warmup_populate} or {@code refresh} when it stored its value,
     * the matching error event otherwise.
     *
     * @param nanos how long the load took, 0 when it did not run
     * @param error what the method threw, or {@code null}
     * @param reason why nothing was stored when the method did not throw, else {@code null}
     * @param args {@code null} when the call could not even be made: custom fields are then left out
     */
    void background(CallEvent kind, long nanos, Object key, CacheEntry.Source source, Throwable error, String reason,
            Object receiver, Object[] args, Object result) {
        if (!wants(kind, nanos)) {
            return;
        }
        Event.Builder event = start(kind, nanos, cache).source(source.label()).reason(reason);
        if (nanos > 0) {
            event.originMs(nanos / NANOS_PER_MILLI);
        }
        if (error != null) {
            event.error(error);
        }
        if (args == null) {
            if (key != null) {
                writeKey(event, key);
            }
            events.emit(event.build());
        } else {
            finish(event, key, receiver, args, result, null);
        }
    }

    void shadowHit(long nanos, Object key, boolean match, Object receiver, Object[] args, Object result,
            Map<String, Object> nested) {
        if (wants(CallEvent.SHADOW_HIT, nanos)) {
            finish(start(CallEvent.SHADOW_HIT, nanos, cache).attribute("match", match), key, receiver, args, result,
                    nested);
        }
    }

    void call(long nanos, Object receiver, Object[] args, Object result, Map<String, Object> nested) {
        if (wants(CallEvent.CALL, nanos)) {
            finish(start(CallEvent.CALL, nanos, cache), null, receiver, args, result, nested);
        }
    }

    /** An eviction of one key ({@code key}), of a pattern ({@code pattern}), or of everything (both {@code null}). */
    void evict(long nanos, String evictedCache, Object key, String pattern, Object receiver, Object[] args,
            Object result) {
        if (wants(CallEvent.EVICT, nanos)) {
            Event.Builder event = start(CallEvent.EVICT, nanos, evictedCache);
            if (pattern != null) {
                event.attribute("pattern", pattern);
            } else if (key == null) {
                event.attribute("all", true);
            }
            finish(event, key, receiver, args, result, null);
        }
    }

    void put(long nanos, String putCache, Object key, Object receiver, Object[] args, Object result) {
        if (wants(CallEvent.PUT, nanos)) {
            finish(start(CallEvent.PUT, nanos, putCache).source(CacheEntry.Source.PUT.label()), key, receiver, args,
                    result, null);
        }
    }

    private Event.Builder start(CallEvent kind, long nanos, String eventCache) {
        return Event.builder(kind.label()).channel(channel).rule(rule).cache(eventCache).method(method)
                .durationMs(nanos / NANOS_PER_MILLI);
    }

    private void finish(Event.Builder event, Object key, Object receiver, Object[] args, Object result,
            Map<String, Object> nested) {
        if (key != null) {
            writeKey(event, key);
        }
        if (breakdown && nested != null) {
            event.attribute("nested", nested);
        }
        for (Field field : fields) {
            try {
                Object value = field.expression().evaluate(receiver, args, result);
                event.attribute(field.name(), fieldValue(value));
            } catch (Throwable e) {
                errors.expressionFailed(field.expression(), e, "the field was left out of the event");
            }
        }
        events.emit(event.build());
    }

    private void writeKey(Event.Builder event, Object key) {
        try {
            if (hashKeys) {
                event.keyHash(KeyText.hashOf(key));
            } else {
                event.key(KeyText.of(key));
            }
        } catch (RuntimeException e) {
            // A key whose toString() throws is written without its key rather than not at all.
        }
    }

    /** Values a log line can hold as they are; anything else as its text. */
    private static Object fieldValue(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean ? value
                : value instanceof Enum<?> e ? e.name()
                : String.valueOf(value);
    }
}
