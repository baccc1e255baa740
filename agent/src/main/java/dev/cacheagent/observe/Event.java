package dev.cacheagent.observe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event line. Fields with no value are {@code null} and left out of the line.
 *
 * @param timestampMillis epoch milliseconds, written as {@code ts}
 * @param event the event name, e.g. {@code hit}, {@code config_error}
 * @param attributes the event's other fields, in order: {@code match}, {@code count}, {@code nested},
 *     the stats figures, the rule's custom {@code fields}
 */
public record Event(long timestampMillis, String event, String channel, String rule, String cache, String method,
        String key, String keyHash, String tier, String source, Double ageMs, Double durationMs, Double originMs,
        String error, String reason, Map<String, Object> attributes) {

    public static Builder builder(String event) {
        return new Builder(event);
    }

    /** Builds an {@link Event}; not thread-safe, meant to be used and dropped on one thread. */
    public static final class Builder {
        private final String event;
        private long timestampMillis = System.currentTimeMillis();
        private String channel;
        private String rule;
        private String cache;
        private String method;
        private String key;
        private String keyHash;
        private String tier;
        private String source;
        private Double ageMs;
        private Double durationMs;
        private Double originMs;
        private String error;
        private String reason;
        private Map<String, Object> attributes;

        private Builder(String event) {
            this.event = event;
        }

        public Builder timestampMillis(long v) { timestampMillis = v; return this; }
        public Builder channel(String v) { channel = v; return this; }
        public Builder rule(String v) { rule = v; return this; }
        public Builder cache(String v) { cache = v; return this; }
        public Builder method(String v) { method = v; return this; }
        public Builder key(String v) { key = v; return this; }
        public Builder keyHash(String v) { keyHash = v; return this; }
        public Builder tier(String v) { tier = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder ageMs(double v) { ageMs = v; return this; }
        public Builder durationMs(double v) { durationMs = v; return this; }
        public Builder originMs(double v) { originMs = v; return this; }
        public Builder reason(String v) { reason = v; return this; }

        /** {@code error}: the exception's class and message. */
        public Builder error(Throwable t) {
            String message = t.getMessage();
            error = message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
            return this;
        }

        public Builder error(String v) { error = v; return this; }

        public Builder attribute(String name, Object value) {
            if (value != null) {
                if (attributes == null) {
                    attributes = new LinkedHashMap<>();
                }
                attributes.put(name, value);
            }
            return this;
        }

        public Event build() {
            return new Event(timestampMillis, event, channel, rule, cache, method, key, keyHash, tier, source, ageMs,
                    durationMs, originMs, error, reason, attributes == null ? Map.of() : attributes);
        }
    }
}
