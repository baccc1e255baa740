package dev.cacheagent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "dbPassword", "clientSecret", "token", "authToken", "apiKey", "api_key",
            "APIKEY", "authorization", "credentials"})
    void isSecretLike_namesThatHoldSecrets_areSecret(String name) {
        assertThat(SiteBinder.isSecretLike(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"style", "projectId", "key", "prompt", "user"})
    void isSecretLike_ordinaryNames_areNot(String name) {
        assertThat(SiteBinder.isSecretLike(name)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void isSecretLike_unknownName_isNot() {
        assertThat(SiteBinder.isSecretLike(null)).isFalse();
    }
}
