package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.db.Database;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSettingsTest {

    private static final Map<String, String> NONE = Map.of();

    private static AppSettings from(Map<String, String> systemProperties, Map<String, String> environment) {
        return AppSettings.from(systemProperties::get, environment::get);
    }

    @Test
    void from_nothingSet_usesTheDefaults() {
        AppSettings settings = from(NONE, NONE);

        assertThat(settings.dbUrl()).isEqualTo(Database.DEFAULT_URL);
        assertThat(settings.dbDelay()).isEqualTo(Duration.ofMillis(80));
        assertThat(settings.providerDelay()).isEqualTo(Duration.ofMillis(300));
        assertThat(settings.buildDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.providerUrl()).isEmpty();
        assertThat(settings.dbUser()).isEmpty();
    }

    @Test
    void from_environmentVariable_isUsed() {
        assertThat(from(NONE, Map.of("DB_DELAY_MS", "5")).dbDelay()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void from_systemPropertyWinsOverEnvironmentVariable() {
        AppSettings settings = from(Map.of("DB_URL", "jdbc:postgresql://db/app"), Map.of("DB_URL", "jdbc:h2:mem:x"));

        assertThat(settings.dbUrl()).isEqualTo("jdbc:postgresql://db/app");
    }

    @Test
    void from_emptyValue_countsAsUnset() {
        assertThat(from(Map.of("PROVIDER_URL", ""), NONE).providerUrl()).isEmpty();
    }

    @Test
    void from_providerUrl_pointsAtAnExternalProvider() {
        assertThat(from(NONE, Map.of("PROVIDER_URL", "http://127.0.0.1:9000")).providerUrl())
                .contains(URI.create("http://127.0.0.1:9000"));
    }

    @Test
    void from_delayThatIsNotANumber_namesTheSettingAndShowsAnExample() {
        assertThatThrownBy(() -> from(NONE, Map.of("PROVIDER_DELAY_MS", "300ms")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PROVIDER_DELAY_MS")
                .hasMessageContaining("'300ms'")
                .hasMessageContaining("PROVIDER_DELAY_MS=300");
    }

    @Test
    void from_negativeDelay_isRejected() {
        assertThatThrownBy(() -> from(NONE, Map.of("BUILD_DELAY_MS", "-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BUILD_DELAY_MS");
    }

    @Test
    void from_providerUrlThatIsNotHttp_isRejectedWithAnExample() {
        assertThatThrownBy(() -> from(NONE, Map.of("PROVIDER_URL", "localhost:9000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PROVIDER_URL")
                .hasMessageContaining("http://127.0.0.1:8089");
    }
}
