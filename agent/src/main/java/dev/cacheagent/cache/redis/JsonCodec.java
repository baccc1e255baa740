package dev.cacheagent.cache.redis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@code codec: json}: the value as JSON inside an envelope that keeps when and how the entry was
 * stored: {@code {"cacheAgent":1,"source":"origin","storedAt":1712345678901,"value":…}}. Values are
 * rebuilt as the method's declared generic type, resolved on first use from the method's class loader;
 * no type information from Redis is ever trusted.
 */
final class JsonCodec implements ValueCodec {
    private static final int FORMAT = 1;

    /** Where the shared mapper comes from: it is made on first use (see {@link Codecs}), not with this codec. */
    private final Codecs codecs;
    private final ValueType type;
    private volatile ObjectReader reader;

    JsonCodec(Codecs codecs, ValueType type) {
        this.codecs = codecs;
        this.type = type;
    }

    @Override
    public byte[] encode(Object value, String source, long storedAtMillis) throws CodecException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = codecs.mapper().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("cacheAgent", FORMAT);
            json.writeStringField("source", source);
            json.writeNumberField("storedAt", storedAtMillis);
            json.writeFieldName("value");
            codecs.mapper().writeValue(json, value);
            json.writeEndObject();
        } catch (IOException | RuntimeException e) {
            throw new CodecException("the value could not be written as JSON: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * Reads the envelope as a stream and the value straight from the parser, never through a tree: a tree
     * holds numbers as doubles, which would drop a {@code BigDecimal}'s scale and digits.
     */
    @Override
    public Decoded decode(byte[] bytes, long ttlLeftMillis, long ttlMillis, long nowMillis) throws CodecException {
        ObjectReader values = reader();
        try (JsonParser json = codecs.mapper().createParser(bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw notAnEnvelope();
            }
            int format = 0;
            String source = "origin";
            long storedAt = nowMillis;
            boolean hasValue = false;
            Object value = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken token = json.nextToken();
                switch (field) {
                    case "cacheAgent" -> format = token == JsonToken.VALUE_NUMBER_INT ? json.getIntValue() : 0;
                    case "source" -> source = token == JsonToken.VALUE_STRING ? json.getText() : source;
                    case "storedAt" -> storedAt = token == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : storedAt;
                    case "value" -> {
                        value = token == JsonToken.VALUE_NULL ? null : values.readValue(json);
                        hasValue = true;
                    }
                    default -> { }
                }
                json.skipChildren(); // a field of another shape than expected, or one we do not know
            }
            if (format != FORMAT || !hasValue) {
                throw notAnEnvelope();
            }
            return new Decoded(value, source, ValueCodec.age(storedAt, nowMillis, ttlMillis));
        } catch (IOException | RuntimeException e) {
            throw new CodecException("the value is not JSON of " + type.name() + ": " + e.getMessage(), e);
        }
    }

    private static CodecException notAnEnvelope() {
        return new CodecException("the value is not a cache-agent JSON envelope", null);
    }

    private ObjectReader reader() throws CodecException {
        ObjectReader known = reader;
        if (known == null) {
            try {
                ObjectMapper mapper = codecs.mapper();
                JavaType javaType = TypeNames.javaType(type, mapper.getTypeFactory());
                known = mapper.readerFor(javaType);
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                throw new CodecException("the declared type " + type.name() + " cannot be resolved: " + e, e);
            }
            reader = known;
        }
        return known;
    }
}
