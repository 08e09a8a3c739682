package com.fieldsync.demo.erp;

import jakarta.ejb.ApplicationException;

/** A business failure that rolls the ERP transaction back. */
@ApplicationException(rollback = true)
public class DemoRollback extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DemoRollback(String message) {
        super(message);
    }
}
