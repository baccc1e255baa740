package com.example.db;

import java.time.Duration;
import java.util.UUID;

/** Fresh, seeded in-memory databases for tests, one per call so tests never share rows. */
public final class TestDatabases {

    private TestDatabases() {}

    /** The URL of a database no other test uses. */
    public static String freshUrl() {
        return "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** A fresh database without query delay. */
    public static Database fresh() {
        return new Database(freshUrl(), null, null, Duration.ZERO);
    }
}
