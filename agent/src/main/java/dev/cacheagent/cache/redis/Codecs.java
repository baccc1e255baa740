package dev.cacheagent.cache.redis;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cacheagent.config.CacheSpec;
import java.util.List;

/**
 * Makes the codec of each method's values, sharing one Jackson mapper (and its caches) among them.
 *
 * <p>The mapper is made when first needed, not with the codecs: making one loads some 300 classes of Jackson's
 * databind and the JDK's calendar and locale data, and the codecs are made in {@code premain}, on the
 * application's main thread. {@link #prepare} makes it ahead of the first call, on a background thread.
 */
public final class Codecs {
    /** Written once, under this object's lock; read without it once written, so hits never take the lock. */
    private volatile ObjectMapper mapper;
    private volatile boolean jsonUsed;

    /** The codec a cache names, for values of one method. */
    public ValueCodec of(CacheSpec.Codec codec, List<String> allowClasses, ValueType type) {
        return switch (codec) {
            case JSON -> {
                jsonUsed = true;
                yield new JsonCodec(this, type);
            }
            case STRING -> new StringCodec();
            case JAVA -> new JavaCodec(type, allowClasses);
        };
    }

    /**
     * Makes the JSON mapper now if a {@code json} codec has been made, so that the first value read or written
     * does not wait for it. For a background thread: an application thread would only make it sooner than needed.
     * The caches' codecs are made in {@code premain} right after the connection starts, long before its client
     * exists; a codec made later (a reload) makes the mapper on its first use.
     */
    public void prepare() {
        if (jsonUsed) {
            mapper();
        }
    }

    /** The mapper every JSON codec of this agent uses, made on the first call. */
    ObjectMapper mapper() {
        ObjectMapper made = mapper;
        if (made == null) {
            synchronized (this) {
                made = mapper;
                if (made == null) {
                    made = new ObjectMapper()
                            // A value of the wrong shape is a miss, not a half-filled object.
                            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
                    mapper = made;
                }
            }
        }
        return made;
    }
}
