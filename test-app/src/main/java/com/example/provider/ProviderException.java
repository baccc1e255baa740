package com.example.provider;

/**
 * A provider call failed: the provider answered with a non-2xx status, or did not answer at all
 * ({@link #status()} is then {@link #NO_RESPONSE}).
 */
public class ProviderException extends RuntimeException {

    /** The status of a call that got no HTTP answer (connection refused, timeout, interrupted). */
    public static final int NO_RESPONSE = 0;

    private final int status;

    public ProviderException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
        this.status = NO_RESPONSE;
    }

    /** The HTTP status the provider answered with, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }
}
