package com.fieldsync.erp;

import java.util.Objects;

/**
 * The signed approval document of a completed work order, fired as a synchronous CDI event inside a
 * JTA transaction like {@link WorkOrderCompleted}, and always <em>after</em> the transaction that
 * delivered that approval committed: a PDF that reaches FieldSync first is held until then. Applied
 * once per file ({@link #fileId()}); if the observer throws, it comes again later.
 *
 * @param platform the platform it came from
 * @param approvalId the approval it belongs to ({@link WorkOrderCompleted#approvalId()})
 * @param workOrderKey the ERP's work-order key, as in the approval's event
 * @param fileId the platform's id of the file
 * @param fileName the file's name on the platform
 * @param content the document's bytes
 */
public record ApprovalPdf(
        String platform, String approvalId, String workOrderKey, String fileId, String fileName, byte[] content) {

    public ApprovalPdf {
        Objects.requireNonNull(approvalId, "approvalId");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(content, "content");
        workOrderKey = workOrderKey == null ? "" : workOrderKey;
    }
}
