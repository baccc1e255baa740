package dev.cacheagent.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * {@code format: json}: one JSON object a line, {@code ts} and {@code event} first, then the fields
 * in {@link EventFields} order, e.g.
 * {@code {"ts":"2026-11-22T00:10:00.123Z","event":"hit","channel":"prompt-cache","rule":"style-prompt","ageMs":234}}.
 */
final class JsonEventFormat implements EventFormat {

    /**
     * Made on the first event formatted, by the thread that formats (the event log's writer), not with this format:
     * making a factory loads some fifty Jackson classes, and the format is made in {@code premain}, on the
     * application's main thread. The holder idiom makes it once, safely published, without a lock on later calls.
     */
    private static final class Factory {
        static final JsonFactory JSON = new JsonFactory();
    }

    @Override
    public String format(Event event) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = Factory.JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("ts", EventFields.timestamp(event));
            json.writeStringField("event", event.event());
            for (EventFields.Field field : EventFields.of(event)) {
                json.writeFieldName(field.name());
                writeValue(json, field.value());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return line.toString();
    }

    /** A normalized value (see {@link EventFields}) as compact JSON, for the text format's maps and lists. */
    String toJson(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Factory.JSON.createGenerator(text)) {
            writeValue(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number.toPlainString());
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName((String) entry.getKey());
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else {
            json.writeString(value.toString());
        }
    }
}
