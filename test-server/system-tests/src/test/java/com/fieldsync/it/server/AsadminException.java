package com.fieldsync.it.server;

import java.util.Optional;

/** An asadmin command failed or did not finish in time; the message carries its output. */
public class AsadminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AsadminResult result;

    AsadminException(String message, AsadminResult result) {
        super(message);
        this.result = result;
    }

    AsadminException(String message, Throwable cause) {
        super(message, cause);
        this.result = null;
    }

    /** The failed invocation, if asadmin could be launched at all. */
    public Optional<AsadminResult> result() {
        return Optional.ofNullable(result);
    }
}
