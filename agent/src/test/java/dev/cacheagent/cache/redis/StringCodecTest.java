package dev.cacheagent.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StringCodecTest {
    private final StringCodec codec = new StringCodec();

    @Test
    void decode_utf8Text_isTheTextAsWritten() throws CodecException {
        String text = "Neon noir, néon, ネオン, 🌃";
        assertThat(codec.decode(text.getBytes(StandardCharsets.UTF_8), 1000, 1000, 0).value()).isEqualTo(text);
    }

    @Test
    void decode_textHoldingTheReplacementCharacter_isKept() throws CodecException {
        String text = "a \uFFFD written on purpose";
        assertThat(codec.decode(text.getBytes(StandardCharsets.UTF_8), 1000, 1000, 0).value()).isEqualTo(text);
    }

    @Test
    void decode_bytesThatAreNotUtf8_failsAsACodecError() {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> codec.decode(latin1, 1000, 1000, 0))
                .isInstanceOf(CodecException.class)
                .hasMessage("the value is not UTF-8 text");
    }

    @Test
    void decode_ageFromTheTimeToLiveLeft() throws CodecException {
        assertThat(codec.decode(new byte[0], 400, 1000, 0).ageMillis()).isEqualTo(600);
        assertThat(codec.decode(new byte[0], -1, 1000, 0).ageMillis()).as("a key without expiry").isZero();
    }

    @Test
    void encode_aString_isItsUtf8Bytes() throws CodecException {
        assertThat(codec.encode("ネオン", "origin", 0)).isEqualTo("ネオン".getBytes(StandardCharsets.UTF_8));
    }
}
