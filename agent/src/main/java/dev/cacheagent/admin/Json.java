package dev.cacheagent.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing the admin API's JSON with jackson-core's generator, and reading its small request bodies. */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes JSON to a generator; may throw what the generator throws. */
    @FunctionalInterface
    interface Body {
        void writeTo(JsonGenerator out) throws IOException;
    }

    private Json() {}

    static String write(Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A decimal as a JSON number, or {@code null} where there is none (NaN: nothing recorded). */
    static void number(JsonGenerator out, String field, double value) throws IOException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.writeNullField(field);
        } else {
            out.writeNumberField(field, Math.round(value * 1000) / 1000.0);
        }
    }

    /**
     * A request body that must be one JSON object of string fields, e.g. {@code {"key": "p1:s1"}}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static Map<String, String> stringFields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser in = FACTORY.createParser(text)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            JsonToken token;
            while ((token = in.nextToken()) == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                if (in.nextToken() != JsonToken.VALUE_STRING) {
                    throw new IllegalArgumentException("field '" + name + "' must be a string");
                }
                fields.put(name, in.getText());
            }
            if (token != JsonToken.END_OBJECT || in.nextToken() != null) {
                throw new IllegalArgumentException("the body must be one JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }
}
