package com.example.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small pool of JDBC connections, opened on demand and kept open. Keeping them open matters beyond speed: an H2
 * file database in automatic server mode stays served by this process only while it has a connection open.
 */
final class ConnectionPool implements AutoCloseable {

    private static final Duration WAIT_FOR_CONNECTION = Duration.ofSeconds(30);

    private final String url;
    private final Properties credentials;
    private final int size;
    private final Semaphore available;
    private final BlockingQueue<Connection> idle = new LinkedBlockingQueue<>();

    ConnectionPool(String url, Properties credentials, int size) {
        this.url = url;
        this.credentials = credentials;
        this.size = size;
        this.available = new Semaphore(size, true);
    }

    /** A connection for one statement; give it back with {@link #release} or {@link #discard}. */
    Connection borrow() throws SQLException {
        try {
            if (!available.tryAcquire(WAIT_FOR_CONNECTION.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLException("all " + size + " connections to " + url + " stayed busy for "
                        + WAIT_FOR_CONNECTION.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection to " + url, e);
        }
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        try {
            return DriverManager.getConnection(url, credentials);
        } catch (SQLException e) {
            available.release();
            throw e;
        }
    }

    /** Returns a healthy connection to the pool. */
    void release(Connection connection) {
        idle.add(connection);
        available.release();
    }

    /** Closes a connection a statement failed on: it may be broken, and a fresh one costs little. */
    void discard(Connection connection) {
        closeQuietly(connection);
        available.release();
    }

    @Override
    public void close() {
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // already broken: nothing left to release
        }
    }
}
