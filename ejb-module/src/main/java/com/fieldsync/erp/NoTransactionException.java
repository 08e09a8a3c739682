package com.fieldsync.erp;

/**
 * Thrown when a change is queued outside a JTA transaction: FieldSync could not guarantee that the
 * change is sent if and only if the ERP's own work commits.
 */
public class NoTransactionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NoTransactionException(String message) {
        super(message);
    }
}
