package com.fieldsync.erp;

import java.time.Instant;
import java.util.Objects;

/**
 * A technician moved a work order to another job status on mobile, a move the workflow allows from
 * the status FieldSync knew. Fired as a synchronous CDI event inside a JTA transaction, once per
 * change; observing it is optional (FieldSync records the new status either way, so the ERP's next
 * status request is checked from it). An impossible remote move is not fired: it is reported on
 * the admin API ({@code REPORTED} items of feed {@code odyssee.job-statuses}) and in the log.
 *
 * @param from the status FieldSync knew, or null for a work order it had no status for
 * @param to the status the technician set
 * @param at the platform's modification time of the job
 */
public record WorkOrderStatusChanged(
        String platform, String jobId, String workOrderKey, JobStatus from, JobStatus to, Instant at) {

    public WorkOrderStatusChanged {
        Objects.requireNonNull(workOrderKey, "workOrderKey");
        Objects.requireNonNull(to, "to");
    }
}
