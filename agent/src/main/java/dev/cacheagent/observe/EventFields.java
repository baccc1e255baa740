package dev.cacheagent.observe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fields of an event as every line format writes them: in the stable order of SPEC §6, values
 * normalized so both formats print the same thing, fields without a value left out.
 *
 * <p>Values become one of: {@link String}, {@link Boolean}, {@link Long}, {@link BigInteger},
 * {@link BigDecimal} (decimals, rounded), a {@code Map<String, Object>} or a {@code List<Object>} of
 * these (or {@code null} inside them). Decimals that are milliseconds (a name ending in {@code Ms},
 * or {@code ms}) are rounded to 3 decimals (microseconds); other decimals to 6, which keeps small
 * costs and drops floating-point noise. {@code NaN} and infinities have no value. Anything else is
 * written as its {@code toString()}.
 */
final class EventFields {

    /** A field name and its normalized value. */
    record Field(String name, Object value) {}

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_DEPTH = 16;

    private EventFields() {}

    /** {@code ts}: ISO-8601 UTC with milliseconds, e.g. {@code 2026-11-22T00:10:00.123Z}. */
    static String timestamp(Event event) {
        return TIMESTAMP.format(Instant.ofEpochMilli(event.timestampMillis()));
    }

    /** Every field after {@code ts} and {@code event}, in line order; {@code channel} comes first. */
    static List<Field> of(Event event) {
        List<Field> fields = new ArrayList<>(16 + event.attributes().size());
        add(fields, "channel", event.channel());
        add(fields, "rule", event.rule());
        add(fields, "cache", event.cache());
        add(fields, "method", event.method());
        add(fields, "key", event.key());
        add(fields, "keyHash", event.keyHash());
        add(fields, "tier", event.tier());
        add(fields, "source", event.source());
        add(fields, "ageMs", event.ageMs());
        add(fields, "durationMs", event.durationMs());
        add(fields, "originMs", event.originMs());
        add(fields, "error", event.error());
        add(fields, "reason", event.reason());
        event.attributes().forEach((name, value) -> add(fields, name, value));
        return fields;
    }

    private static void add(List<Field> fields, String name, Object raw) {
        Object value = normalize(name, raw, 0);
        if (value != null) {
            fields.add(new Field(name, value));
        }
    }

    private static Object normalize(String name, Object raw, int depth) {
        if (raw == null || raw instanceof String || raw instanceof Boolean || raw instanceof Long
                || raw instanceof BigInteger || raw instanceof BigDecimal) {
            return raw;
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte || raw instanceof AtomicInteger
                || raw instanceof AtomicLong || raw instanceof LongAdder) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Number number) {
            return decimal(name, number.doubleValue());
        }
        if (depth >= MAX_DEPTH) {
            return "...";
        }
        if (raw instanceof Map<?, ?> map) {
            Map<String, Object> normalized = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                normalized.put(key, normalize(key, v, depth + 1));
            });
            return normalized;
        }
        if (raw instanceof Collection<?> collection) {
            return list(name, collection, depth);
        }
        if (raw instanceof Object[] array) {
            return list(name, List.of(array), depth);
        }
        return String.valueOf(raw);
    }

    private static List<Object> list(String name, Collection<?> items, int depth) {
        List<Object> normalized = new ArrayList<>(items.size());
        for (Object item : items) {
            normalized.add(normalize(name, item, depth + 1));
        }
        return normalized;
    }

    private static BigDecimal decimal(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        int scale = name.endsWith("Ms") || name.equals("ms") ? 3 : 6;
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
