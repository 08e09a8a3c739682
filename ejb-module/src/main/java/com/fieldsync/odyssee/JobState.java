package com.fieldsync.odyssee;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The job status FieldSync knows a work order to be in, whichever side set it last: the ERP (a
 * status change it queued) or a technician (a change the export feed applied). Every transition is
 * checked against {@link com.fieldsync.erp.JobStatus}'s table from here.
 */
@Entity
@Table(name = "FS_JOB_STATUS")
public class JobState {

    @Id
    @Column(name = "ERP_KEY", length = 200)
    private String erpKey;

    @Column(name = "STATUS", nullable = false, length = 40)
    private String status;

    @Column(name = "ASSIGNED", nullable = false)
    private boolean assigned;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    protected JobState() {}

    JobState(String erpKey) {
        this.erpKey = erpKey;
    }

    public String getErpKey() {
        return erpKey;
    }

    public String getStatus() {
        return status;
    }

    public boolean isAssigned() {
        return assigned;
    }

    void set(String status, boolean assigned, long now) {
        this.status = status;
        this.assigned = assigned;
        this.updatedAt = now;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }
}
