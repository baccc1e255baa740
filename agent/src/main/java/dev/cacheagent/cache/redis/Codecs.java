package dev.cacheagent.cache.redis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cacheagent.config.CacheSpec;
import java.util.List;

/** Makes the codec of each method's values, sharing one Jackson mapper (and its caches) among them. */
public final class Codecs {
    private final ObjectMapper mapper = new ObjectMapper()
            // A value of the wrong shape is a miss, not a half-filled object.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** The codec a cache names, for values of one method. */
    public ValueCodec of(CacheSpec.Codec codec, List<String> allowClasses, ValueType type) {
        return switch (codec) {
            case JSON -> new JsonCodec(mapper, type);
            case STRING -> new StringCodec();
            case JAVA -> new JavaCodec(type, allowClasses);
        };
    }
}
