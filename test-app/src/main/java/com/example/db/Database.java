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
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDBC connection source of the service, and the one place its SQL runs.
 *
 * <p>Thread-safe: statements run on a small pool of connections kept open. Every statement the services run is
 * counted ({@link #queryCount()}) and preceded by {@code queryDelay} of {@link Thread#sleep}: a stand-in for the
 * round trip to a slow remote database, so that the savings of a cache are visible. Creating and seeding the
 * tables is neither counted nor delayed.
 */
public final class Database implements AutoCloseable {

    /** The embedded in-memory database used when {@code DB_URL} is not set; it lives as long as the JVM. */
    public static final String DEFAULT_URL = "jdbc:h2:mem:testapp;DB_CLOSE_DELAY=-1";

    private static final int POOL_SIZE = 10;
    private static final int STARTUP_ATTEMPTS = 10;
    private static final Duration STARTUP_RETRY_PAUSE = Duration.ofMillis(300);
    /** H2: database file in use by another process; PostgreSQL: the server is starting up. */
    private static final Set<String> TRANSIENT_STATES = Set.of("90020", "57P03");

    /** Reads one row of a result set; the cursor is already on the row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final String url;
    private final Properties credentials = new Properties();
    private final Duration queryDelay;
    private final AtomicLong queries = new AtomicLong();
    private final ConnectionPool pool;

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
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new DatabaseException("no JDBC driver takes the URL " + url
                    + " (DB_URL must start with jdbc:h2: or jdbc:postgresql:)", e);
        }
        this.pool = new ConnectionPool(url, credentials, POOL_SIZE);
        prepareTables();
    }

    /**
     * Creates and seeds the tables. Instances started together on one shared database can find it briefly
     * unavailable (H2's automatic server mode lets only one of them open the file at a time, a database server
     * may still be starting): such failures are retried for a few seconds before giving up.
     */
    private void prepareTables() {
        for (int attempt = 1; ; attempt++) {
            try {
                Connection connection = pool.borrow();
                try {
                    new Schema(connection).createAndSeed();
                } catch (SQLException e) {
                    pool.discard(connection);
                    throw e;
                }
                pool.release(connection);
                return;
            } catch (SQLException e) {
                if (attempt == STARTUP_ATTEMPTS || !isTransient(e)) {
                    throw new DatabaseException("cannot prepare the database at " + url
                            + " (check DB_URL, DB_USER and DB_PASSWORD)", e);
                }
            }
            try {
                Thread.sleep(STARTUP_RETRY_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database at " + url, e);
            }
        }
    }

    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state));
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        return run(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    /** Runs a query expected to find at most one row. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = query(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    public int update(String sql, Object... parameters) {
        return run(sql, parameters, PreparedStatement::executeUpdate);
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

    /** One statement's work on a prepared statement whose parameters are already set. */
    @FunctionalInterface
    private interface Work<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    private <T> T run(String sql, Object[] parameters, Work<T> work) {
        beforeStatement();
        Connection connection;
        try {
            connection = pool.borrow();
        } catch (SQLException e) {
            throw new DatabaseException("no connection to " + url + " for: " + sql, e);
        }
        T result;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            result = work.on(statement);
        } catch (SQLException e) {
            pool.discard(connection);
            throw new DatabaseException("statement failed: " + sql, e);
        } catch (RuntimeException e) {
            pool.discard(connection);
            throw e;
        }
        pool.release(connection);
        return result;
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        pool.close();
    }
}
