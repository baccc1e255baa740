package dev.cacheagent.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cacheagent.config.CacheSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
    private static final ClassLoader LOADER = JsonCodecTest.class.getClassLoader();

    private static ValueCodec codecFor(String declaredType) {
        return new Codecs().of(CacheSpec.Codec.JSON, List.of(), new ValueType(declaredType, LOADER));
    }

    private static Object roundTrip(String declaredType, Object value) throws CodecException {
        ValueCodec codec = codecFor(declaredType);
        return codec.decode(codec.encode(value, "origin", 0), 1000, 1000, 0).value();
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decode_aBigDecimal_keepsItsScaleAndEveryDigit() throws CodecException {
        assertThat(roundTrip("java.math.BigDecimal", new BigDecimal("19.90"))).isEqualTo(new BigDecimal("19.90"));
        assertThat(roundTrip("java.math.BigDecimal", new BigDecimal("12345678901234567890.12")))
                .isEqualTo(new BigDecimal("12345678901234567890.12"));
    }

    @Test
    void decode_decimalsInsideAMap_keepTheirDigits() throws CodecException {
        Object rebuilt = roundTrip("java.util.Map<java.lang.String, java.math.BigDecimal>",
                Map.of("price", new BigDecimal("0.10")));

        assertThat(rebuilt).isEqualTo(Map.of("price", new BigDecimal("0.10")));
    }

    @Test
    void decode_envelopeFieldsInAnyOrder_readsSourceAndAge() throws CodecException {
        Decoded decoded = codecFor("java.lang.String").decode(
                json("{\"value\":\"hi\",\"extra\":{\"a\":[1,2]},\"storedAt\":400,\"source\":\"put\",\"cacheAgent\":1}"),
                1000, 1000, 1000);

        assertThat(decoded.value()).isEqualTo("hi");
        assertThat(decoded.source()).isEqualTo("put");
    }

    @Test
    void decode_anEnvelopeOfAnotherFormat_isRefused() {
        assertThatThrownBy(() -> codecFor("java.lang.String").decode(json("{\"cacheAgent\":2,\"value\":\"hi\"}"),
                1000, 1000, 0)).isInstanceOf(CodecException.class).hasMessageContaining("envelope");
    }

    @Test
    void decode_anEnvelopeWithoutValue_isRefused() {
        assertThatThrownBy(() -> codecFor("java.lang.String").decode(json("{\"cacheAgent\":1,\"source\":\"origin\"}"),
                1000, 1000, 0)).isInstanceOf(CodecException.class).hasMessageContaining("envelope");
    }

    @Test
    void decode_truncatedJson_isRefused() {
        assertThatThrownBy(() -> codecFor("java.lang.String").decode(json("{\"cacheAgent\":1,\"value\":\"h"),
                1000, 1000, 0)).isInstanceOf(CodecException.class);
    }

    @Test
    void decode_aValueOfTheWrongShape_isRefused() {
        assertThatThrownBy(() -> codecFor("java.lang.Integer").decode(
                json("{\"cacheAgent\":1,\"value\":{\"not\":\"a number\"}}"), 1000, 1000, 0))
                .isInstanceOf(CodecException.class).hasMessageContaining("java.lang.Integer");
    }
}
