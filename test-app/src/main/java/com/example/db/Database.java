package com.example.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDBC connection source of the service, and the one place its SQL runs.
 *
 * <p>Each query or update opens its own connection: simple, thread-safe, and cheap for the embedded H2 database
 * the service uses by default. Every statement the services run is counted ({@link #queryCount()}) and preceded by
 * {@code queryDelay} of {@link Thread#sleep}: a stand-in for the round trip to a slow remote database, so that the
 * savings of a cache are visible. Creating and seeding the tables is neither counted nor delayed.
 */
public final class Database {

    /** The embedded in-memory database used when {@code DB_URL} is not set; it lives as long as the JVM. */
    public static final String DEFAULT_URL = "jdbc:h2:mem:testapp;DB_CLOSE_DELAY=-1";

    /** Reads one row of a result set; the cursor is already on the row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final String url;
    private final Properties credentials = new Properties();
    private final Duration queryDelay;
    private final AtomicLong queries = new AtomicLong();

    /**
     * Connects to {@code url} and creates and seeds the tables if they are absent.
     *
     * @param user       null to let the URL or driver decide
     * @param password   null when there is none
     * @param queryDelay added to every query and update; {@link Duration#ZERO} for none
     */
    public Database(String url, String user, String password, Duration queryDelay) {
        this.url = Objects.requireNonNull(url, "url");
        this.queryDelay = Objects.requireNonNull(queryDelay, "queryDelay");
        if (queryDelay.isNegative()) {
            throw new IllegalArgumentException("query delay must not be negative, got " + queryDelay);
        }
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        try (Connection connection = connect()) {
            new Schema(connection).createAndSeed();
        } catch (SQLException e) {
            throw new DatabaseException("cannot prepare the database at " + url
                    + " (check DB_URL, DB_USER and DB_PASSWORD)", e);
        }
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        beforeStatement();
        try (Connection connection = connect();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new DatabaseException("query failed: " + sql, e);
        }
    }

    /** Runs a query expected to find at most one row. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = query(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    public int update(String sql, Object... parameters) {
        beforeStatement();
        try (Connection connection = connect();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException("update failed: " + sql, e);
        }
    }

    /** How many queries and updates the services have run since this object was created. */
    public long queryCount() {
        return queries.get();
    }

    /** The JDBC URL this database connects to. */
    public String url() {
        return url;
    }

    private void beforeStatement() {
        queries.incrementAndGet();
        if (queryDelay.isZero()) {
            return;
        }
        try {
            Thread.sleep(queryDelay.toMillis());
        } catch (InterruptedException e) {
            // the caller's thread is being stopped: let it see the flag, but still answer this query
            Thread.currentThread().interrupt();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
