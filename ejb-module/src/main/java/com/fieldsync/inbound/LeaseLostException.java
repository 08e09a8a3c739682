package com.fieldsync.inbound;

import jakarta.ejb.ApplicationException;

/** Another instance took the feed over (this one stalled past its lease): stop without applying. */
@ApplicationException(rollback = true)
public class LeaseLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LeaseLostException(String feed) {
        super("feed " + feed + ": the lease passed to another instance; this one stops polling it");
    }
}
