package com.fieldsync.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A work order a technician completed and approved on mobile, with the materials used and the
 * invoiceable time: the unit the ERP books. FieldSync fires it as a synchronous CDI event inside a
 * JTA transaction; the ERP observes it ({@code void on(@Observes WorkOrderCompleted done)}) and
 * does its work in that transaction. FieldSync records the approval as applied and moves its feed
 * cursor in the same transaction, so:
 *
 * <ul>
 *   <li>if the observer throws, nothing is recorded and the same approval comes again later;
 *   <li>once the transaction commits, the approval is never delivered again, not after a crash and
 *       not by another server instance (idempotent by {@link #approvalId()}).
 * </ul>
 *
 * Until an observer exists the feed waits: approvals are not consumed into nothing.
 *
 * @param platform the platform it came from ({@code odyssee})
 * @param approvalId the platform's id of the approval; unique, use it as the ERP's idempotency key
 * @param jobId the platform's id of the job
 * @param workOrderKey the ERP's work-order key ({@code reference_back_office}); empty for a job
 *     born on mobile that the ERP never sent
 * @param approvedAt when the platform recorded the approval
 * @param materials the parts used, in the platform's order
 * @param time the invoiceable time, in the platform's order
 */
public record WorkOrderCompleted(
        String platform,
        String approvalId,
        String jobId,
        String workOrderKey,
        Instant approvedAt,
        List<MaterialUsed> materials,
        List<TimeSpent> time) {

    public WorkOrderCompleted {
        Objects.requireNonNull(approvalId, "approvalId");
        Objects.requireNonNull(jobId, "jobId");
        workOrderKey = workOrderKey == null ? "" : workOrderKey;
        materials = List.copyOf(materials);
        time = List.copyOf(time);
    }

    /**
     * A part used on the job.
     *
     * @param articleKey the ERP key of the article ({@code code} on the platform); empty if the
     *     platform's article has none
     * @param articleId the platform's id of the article
     * @param quantity how many, in the article's unit
     */
    public record MaterialUsed(String articleKey, String articleId, BigDecimal quantity) {}

    /**
     * Invoiceable time spent on the job.
     *
     * @param userKey the ERP key of the technician ({@code code}); empty if unknown
     * @param userId the platform's id of the technician
     * @param hours the duration in hours
     */
    public record TimeSpent(String userKey, String userId, BigDecimal hours) {}
}
