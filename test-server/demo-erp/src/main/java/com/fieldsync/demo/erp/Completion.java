package com.fieldsync.demo.erp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line the ERP booked from a completed work order: a material, an hour line, or the attached
 * PDF. Deliberately not unique by approval: if FieldSync ever delivered an approval twice, the
 * duplicate invoice lines would show here (the demo and the tests count them).
 */
@Entity
@Table(name = "ERP_COMPLETION_LINE")
public class Completion {

    /** What the line is. */
    public enum Kind {
        COMPLETED,
        MATERIAL,
        TIME,
        PDF,
        /** A record changed on mobile: approval id {@code remoteId@version}, item the kind, amount the version. */
        MOBILE_CHANGE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    @Column(name = "ID")
    private long id;

    @Column(name = "APPROVAL_ID", nullable = false, length = 100)
    private String approvalId;

    @Column(name = "WORK_ORDER", nullable = false, length = 100)
    private String workOrder;

    @Column(name = "KIND", nullable = false, length = 20)
    private String kind;

    /** Article or technician key; the file name for a PDF. */
    @Column(name = "ITEM", length = 300)
    private String item;

    /** Quantity, hours, or the PDF's size in bytes. */
    @Column(name = "AMOUNT", length = 50)
    private String amount;

    protected Completion() {}

    Completion(String approvalId, String workOrder, Kind kind, String item, String amount) {
        this.approvalId = approvalId;
        this.workOrder = workOrder;
        this.kind = kind.name();
        this.item = item;
        this.amount = amount;
    }

    public long getId() {
        return id;
    }

    public String getApprovalId() {
        return approvalId;
    }

    public String getWorkOrder() {
        return workOrder;
    }

    public String getKind() {
        return kind;
    }

    public String getItem() {
        return item;
    }

    public String getAmount() {
        return amount;
    }
}
