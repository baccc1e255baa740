package com.example.db;

/** A query or update failed, or no connection was available; unchecked so callers need not declare it. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(String message, Exception cause) {
        super(cause == null ? message : message + ": " + cause.getMessage(), cause);
    }
}
