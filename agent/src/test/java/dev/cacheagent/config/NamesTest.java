package dev.cacheagent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shapes of class names and class globs a rule file may give. */
class NamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"Foo", "com.example.Service", "com.example.Outer$Inner", "_a.$b", "a1.b2"})
    void isType_binaryClassNames_areAccepted(String name) {
        assertThat(Names.isType(name)).isTrue();
        assertThat(Names.isTypeGlob(name)).as("a class name is a glob too").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "com..Foo", "com.Foo.", ".com.Foo", "1com.Foo", "com.1Foo", "com.Foo*",
            "com.ex-ample.Foo", "com.Foo[]", "com. Foo", "cöm.Foo"})
    void isType_anythingElse_isRefused(String name) {
        assertThat(Names.isType(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.**.*Service", "*", "**", "com.*", "com.1x.*Repo"})
    void isTypeGlob_globs_areAccepted(String glob) {
        assertThat(Names.isTypeGlob(glob)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a..b", "a.", ".a", "a-b.*", "a.?", "a b"})
    void isTypeGlob_anythingElse_isRefused(String glob) {
        assertThat(Names.isTypeGlob(glob)).isFalse();
    }
}
