package dev.cacheagent.cache.redis;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code codec: string}: a String stored as plain UTF-8, so that {@code redis-cli GET} shows it as it is.
 * There is no room for metadata: the age is derived from the key's remaining time to live, and the
 * source is reported as {@code origin}.
 */
final class StringCodec implements ValueCodec {
    private static final char REPLACEMENT = '\uFFFD';

    @Override
    public byte[] encode(Object value, String source, long storedAtMillis) throws CodecException {
        if (!(value instanceof String text)) {
            throw new CodecException("codec string stores String values only, not a "
                    + (value == null ? "null" : value.getClass().getName()), null);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Decoded decode(byte[] bytes, long ttlLeftMillis, long ttlMillis, long nowMillis) throws CodecException {
        // The JDK's own decoding is many times faster than a CharsetDecoder; it replaces what is not UTF-8 with
        // U+FFFD, so only a text holding that character (rare, and maybe written as such) is checked strictly.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT) >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                throw new CodecException("the value is not UTF-8 text", e);
            }
        }
        long age = ttlLeftMillis < 0 ? 0 : Math.max(0, ttlMillis - ttlLeftMillis);
        return new Decoded(text, "origin", age);
    }
}
