package dev.cacheagent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyTextTest {

    enum Quality { HIGH }

    @Test
    void of_string_isTheStringItself() {
        assertThat(KeyText.of("classic-oil-painting")).isEqualTo("classic-oil-painting");
    }

    @Test
    void of_compositeKey_joinsItsPartsWithColons() {
        assertThat(KeyText.of(CompositeKey.ofArguments(new Object[] {"p1", 42, Quality.HIGH, true})))
                .isEqualTo("p1:42:HIGH:true");
    }

    @Test
    void of_compositeKeyPartWithColonOrBackslash_isEscapedWithBackslash() {
        assertThat(KeyText.of(CompositeKey.ofArguments(new Object[] {"a:b", "c\\d"}))).isEqualTo("a\\:b:c\\\\d");
    }

    @Test
    void of_stringWithColon_isNotEscaped() {
        assertThat(KeyText.of("project:scene")).isEqualTo("project:scene");
    }

    @Test
    void of_primitiveArray_joinsElementsWithCommas() {
        assertThat(KeyText.of(CompositeKey.of(new int[] {1, 2, 3}))).isEqualTo("1,2,3");
    }

    @Test
    void of_charArray_isTheStringItSpells() {
        assertThat(KeyText.of(CompositeKey.of("ab".toCharArray()))).isEqualTo("ab");
    }

    @Test
    void of_nestedObjectArray_isOnePartWithItsOwnColonsEscaped() {
        assertThat(KeyText.of(CompositeKey.ofArguments(new Object[] {"x", new String[] {"a", "b"}})))
                .isEqualTo("x:a\\:b");
    }

    @Test
    void of_nullPart_isWrittenNull() {
        assertThat(KeyText.of(CompositeKey.ofArguments(new Object[] {null, "a"}))).isEqualTo("null:a");
    }

    @Test
    void of_textOfExactlyTheLimit_isKept() {
        String key = "k".repeat(KeyText.MAX_LENGTH);

        assertThat(KeyText.of(key)).isEqualTo(key);
    }

    @Test
    void of_textLongerThanTheLimit_isItsHexSha256() throws Exception {
        String key = "k".repeat(KeyText.MAX_LENGTH + 1);

        assertThat(KeyText.of(key)).isEqualTo(sha256Hex(key)).hasSize(64);
    }

    @Test
    void hashOf_isTheFirst16HexDigitsOfTheSha256OfTheText() throws Exception {
        assertThat(KeyText.hashOf(CompositeKey.ofArguments(new Object[] {"alice", "hunter2"})))
                .isEqualTo(sha256Hex("alice:hunter2").substring(0, 16));
    }

    private static String sha256Hex(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
