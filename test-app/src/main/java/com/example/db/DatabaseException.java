package com.example.db;

import java.sql.SQLException;

/** A query or update failed; wraps the driver's {@link SQLException} so callers need not declare it. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
