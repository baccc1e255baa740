package com.example.app;

import com.example.db.TestDatabases;
import java.time.Duration;
import java.util.Optional;

/** Settings for tests: a database of their own, an in-process provider, and no simulated delays. */
final class TestSettings {

    private TestSettings() {}

    static AppSettings fast() {
        return new AppSettings(TestDatabases.freshUrl(), Optional.empty(), Optional.empty(), Duration.ZERO,
                Duration.ZERO, Optional.empty(), Duration.ZERO);
    }
}
