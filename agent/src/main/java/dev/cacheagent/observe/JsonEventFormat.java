package dev.cacheagent.observe;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * {@code format: json}: one JSON object a line, {@code ts} and {@code event} first, then the fields
 * in {@link EventFields} order, e.g.
 * {@code {"ts":"2026-11-22T00:10:00.123Z","event":"hit","channel":"prompt-cache","rule":"style-prompt","ageMs":234}}.
 *
 * <p>Strings are escaped by Jackson's {@link JsonStringEncoder}, the escaping its generators use; the line around
 * them (an object of named values, maps and lists nested in it) is appended here. The first events are written
 * while the application starts, and a Jackson factory and generator would load some sixty classes for that.
 */
final class JsonEventFormat implements EventFormat {
    private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

    @Override
    public String format(Event event) {
        StringBuilder line = new StringBuilder(256);
        line.append('{');
        name(line, "ts");
        string(line, EventFields.timestamp(event));
        line.append(',');
        name(line, "event");
        string(line, event.event());
        for (EventFields.Field field : EventFields.of(event)) {
            line.append(',');
            name(line, field.name());
            value(line, field.value());
        }
        return line.append('}').toString();
    }

    /** A normalized value (see {@link EventFields}) as compact JSON, for the text format's maps and lists. */
    String toJson(Object value) {
        StringBuilder text = new StringBuilder();
        value(text, value);
        return text.toString();
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof BigDecimal number) {
            out.append(number.toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                name(out, (String) entry.getKey());
                value(out, entry.getValue());
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            String separator = "";
            for (Object item : list) {
                out.append(separator);
                value(out, item);
                separator = ",";
            }
            out.append(']');
        } else {
            string(out, value.toString());
        }
    }

    private static void name(StringBuilder out, String name) {
        string(out, name);
        out.append(':');
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        STRINGS.quoteAsString(text, out);
        out.append('"');
    }
}
