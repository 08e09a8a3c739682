package com.fieldsync.inbound;

import java.time.Duration;

/** The platform could not be read now; the feed tries again later from where it stands. */
public class FeedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean authFailure;
    private final transient Duration retryAfter;

    public FeedException(String message, boolean authFailure, Duration retryAfter) {
        super(message);
        this.authFailure = authFailure;
        this.retryAfter = retryAfter;
    }

    /** The platform refused the credentials: only the admin can fix it. */
    public boolean isAuthFailure() {
        return authFailure;
    }

    /** What the platform asked for (429/503 Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
