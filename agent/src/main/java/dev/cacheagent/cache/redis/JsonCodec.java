package dev.cacheagent.cache.redis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
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

    private final ObjectMapper mapper;
    private final ValueType type;
    private volatile ObjectReader reader;

    JsonCodec(ObjectMapper mapper, ValueType type) {
        this.mapper = mapper;
        this.type = type;
    }

    @Override
    public byte[] encode(Object value, String source, long storedAtMillis) throws CodecException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("cacheAgent", FORMAT);
            json.writeStringField("source", source);
            json.writeNumberField("storedAt", storedAtMillis);
            json.writeFieldName("value");
            mapper.writeValue(json, value);
            json.writeEndObject();
        } catch (IOException | RuntimeException e) {
            throw new CodecException("the value could not be written as JSON: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public Decoded decode(byte[] bytes, long ttlLeftMillis, long ttlMillis, long nowMillis) throws CodecException {
        ObjectReader values = reader();
        try {
            JsonNode envelope = mapper.readTree(bytes);
            if (envelope == null || !envelope.isObject() || envelope.path("cacheAgent").asInt() != FORMAT
                    || !envelope.has("value")) {
                throw new CodecException("the value is not a cache-agent JSON envelope", null);
            }
            Object value = values.readValue(envelope.get("value"));
            return new Decoded(value, envelope.path("source").asText("origin"),
                    ValueCodec.age(envelope.path("storedAt").asLong(nowMillis), nowMillis, ttlMillis));
        } catch (IOException | RuntimeException e) {
            throw new CodecException("the value is not JSON of " + type.name() + ": " + e.getMessage(), e);
        }
    }

    private ObjectReader reader() throws CodecException {
        ObjectReader known = reader;
        if (known == null) {
            try {
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
