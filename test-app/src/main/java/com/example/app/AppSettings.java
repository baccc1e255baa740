package com.example.app;

import com.example.db.Database;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The application's configuration, read from system properties and environment variables of the same names
 * (a system property wins over an environment variable; an empty value counts as unset).
 *
 * @param dbUrl         {@code DB_URL}: any JDBC URL; default the embedded in-memory H2 database
 * @param dbUser        {@code DB_USER}
 * @param dbPassword    {@code DB_PASSWORD}
 * @param dbDelay       {@code DB_DELAY_MS}, default 80: added to every database query
 * @param providerDelay {@code PROVIDER_DELAY_MS}, default 300: how long each call to the in-process provider takes
 * @param providerUrl   {@code PROVIDER_URL}: an external provider; default a provider stub started in-process
 * @param buildDelay    {@code BUILD_DELAY_MS}, default 50: how long each component build takes
 */
record AppSettings(String dbUrl, Optional<String> dbUser, Optional<String> dbPassword, Duration dbDelay,
                   Duration providerDelay, Optional<URI> providerUrl, Duration buildDelay) {

    static AppSettings fromEnvironment() {
        return from(System::getProperty, System::getenv);
    }

    static AppSettings from(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        Source source = new Source(systemProperties, environment);
        return new AppSettings(
                source.get("DB_URL").orElse(Database.DEFAULT_URL),
                source.get("DB_USER"),
                source.get("DB_PASSWORD"),
                source.millis("DB_DELAY_MS", 80),
                source.millis("PROVIDER_DELAY_MS", 300),
                source.get("PROVIDER_URL").map(value -> url("PROVIDER_URL", value)),
                source.millis("BUILD_DELAY_MS", 50));
    }

    /** These settings with every simulated delay set to zero. */
    AppSettings withoutDelays() {
        return new AppSettings(dbUrl, dbUser, dbPassword, Duration.ZERO, Duration.ZERO, providerUrl, Duration.ZERO);
    }

    private static URI url(String name, String value) {
        try {
            URI uri = URI.create(value);
            if ("http".equals(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be an http URL such as http://127.0.0.1:8089, got '"
                + value + "'");
    }

    private record Source(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {

        Optional<String> get(String name) {
            return Optional.ofNullable(systemProperties.apply(name)).filter(value -> !value.isEmpty())
                    .or(() -> Optional.ofNullable(environment.apply(name)).filter(value -> !value.isEmpty()));
        }

        Duration millis(String name, long defaultMillis) {
            Optional<String> value = get(name);
            if (value.isEmpty()) {
                return Duration.ofMillis(defaultMillis);
            }
            try {
                long millis = Long.parseLong(value.get().trim());
                if (millis >= 0) {
                    return Duration.ofMillis(millis);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a whole number of milliseconds, 0 or more, such as "
                    + name + "=" + defaultMillis + "; got '" + value.get() + "'");
        }
    }
}
