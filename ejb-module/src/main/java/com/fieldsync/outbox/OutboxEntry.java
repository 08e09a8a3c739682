package com.fieldsync.outbox;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One queued change of one record for one platform. Rows of one record ({@link #recordKey}) are
 * delivered in id order; times are epoch milliseconds (portable across databases and time zones).
 */
@Entity
@Table(
        name = "FS_OUTBOX",
        indexes = {
            @Index(name = "FS_OUTBOX_STATE", columnList = "STATE, ID"),
            @Index(name = "FS_OUTBOX_RECORD", columnList = "RECORD_KEY, STATE, ID"),
            @Index(name = "FS_OUTBOX_WAITING", columnList = "WAITING_FOR"),
            @Index(name = "FS_OUTBOX_DONE", columnList = "STATE, DONE_AT")
        })
public class OutboxEntry {

    @Id
    @SequenceGenerator(name = "FS_OUTBOX_SEQ", sequenceName = "FS_OUTBOX_SEQ", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "FS_OUTBOX_SEQ")
    @Column(name = "ID")
    private Long id;

    @Column(name = "RECORD_KEY", nullable = false, length = 300)
    private String recordKey;

    @Column(name = "PLATFORM", nullable = false, length = 40)
    private String platform;

    @Column(name = "ENTITY_TYPE", nullable = false, length = 40)
    private String entityType;

    @Column(name = "ERP_KEY", nullable = false, length = 200)
    private String erpKey;

    @Column(name = "CHANGE_KIND", nullable = false, length = 10)
    private String changeKind;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "PAYLOAD", nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 12)
    private OutboxState state;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;

    @Column(name = "LEASE_UNTIL", nullable = false)
    private long leaseUntil;

    @Column(name = "LAST_ATTEMPT_AT", nullable = false)
    private long lastAttemptAt;

    @Column(name = "DONE_AT", nullable = false)
    private long doneAt;

    @Column(name = "LAST_STATUS", nullable = false)
    private int lastStatus;

    @Column(name = "LAST_ERROR", length = 2000)
    private String lastError;

    /** Record key of a referenced record this change waits for, so its delivery can nudge us. */
    @Column(name = "WAITING_FOR", length = 300)
    private String waitingFor;

    protected OutboxEntry() {}

    public OutboxEntry(String platform, String entityType, String erpKey, String changeKind, String payload, long now) {
        this.platform = platform;
        this.entityType = entityType;
        this.erpKey = erpKey;
        this.recordKey = recordKey(platform, entityType, erpKey);
        this.changeKind = changeKind;
        this.payload = payload;
        this.state = OutboxState.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** The key that groups all rows of one record for one platform. */
    public static String recordKey(String platform, String entityType, String erpKey) {
        return platform + '|' + entityType + '|' + erpKey;
    }

    public Long getId() {
        return id;
    }

    public String getRecordKey() {
        return recordKey;
    }

    public String getPlatform() {
        return platform;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getErpKey() {
        return erpKey;
    }

    public String getChangeKind() {
        return changeKind;
    }

    public String getPayload() {
        return payload;
    }

    public OutboxState getState() {
        return state;
    }

    void setState(OutboxState state) {
        this.state = state;
    }

    public int getAttempts() {
        return attempts;
    }

    void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getNextAttemptAt() {
        return nextAttemptAt;
    }

    void setNextAttemptAt(long nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public long getLeaseUntil() {
        return leaseUntil;
    }

    void setLeaseUntil(long leaseUntil) {
        this.leaseUntil = leaseUntil;
    }

    public long getLastAttemptAt() {
        return lastAttemptAt;
    }

    void setLastAttemptAt(long lastAttemptAt) {
        this.lastAttemptAt = lastAttemptAt;
    }

    public long getDoneAt() {
        return doneAt;
    }

    void setDoneAt(long doneAt) {
        this.doneAt = doneAt;
    }

    public int getLastStatus() {
        return lastStatus;
    }

    void setLastStatus(int lastStatus) {
        this.lastStatus = lastStatus;
    }

    public String getLastError() {
        return lastError;
    }

    void setLastError(String lastError) {
        this.lastError = lastError == null || lastError.length() <= 2000 ? lastError : lastError.substring(0, 2000);
    }

    public String getWaitingFor() {
        return waitingFor;
    }

    void setWaitingFor(String waitingFor) {
        this.waitingFor = waitingFor;
    }
}
