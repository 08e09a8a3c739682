package com.fieldsync.erp;

import jakarta.ejb.ApplicationException;

/**
 * A work-order change the job-status workflow forbids: an unknown status, a transition the
 * workflow does not allow (the message names both statuses), or Dispatched/Workshop without an
 * assigned technician. Thrown by {@link FieldSync#enqueue} (and the {@link ErpChange} observer)
 * before anything is queued; the ERP transaction that attempted it is marked for rollback, so the
 * ERP never keeps a status the platform cannot follow.
 */
@ApplicationException(rollback = true, inherited = true)
public class WorkflowException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public WorkflowException(String message) {
        super(message);
    }
}
