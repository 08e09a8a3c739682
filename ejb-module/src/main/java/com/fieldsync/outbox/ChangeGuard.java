package com.fieldsync.outbox;

import com.fieldsync.erp.ErpChange;

/**
 * A platform's check of an ERP change before it is queued, in the ERP's transaction: it throws to
 * refuse (nothing is queued then) and may record what it accepted. Implemented as a local EJB so it
 * runs with FieldSync's persistence unit whatever module the ERP calls from.
 */
public interface ChangeGuard {

    /**
     * @throws IllegalArgumentException (an EJB application exception) to refuse the change
     */
    void check(ErpChange change);
}
