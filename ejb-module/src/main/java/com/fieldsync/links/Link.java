package com.fieldsync.links;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * ERP record ↔ platform record. A link is written <em>before</em> the remote create (with a
 * reserved id, unconfirmed) so that a crash after the create cannot lead to a second one.
 */
@Entity
@Table(name = "FS_LINK", indexes = @Index(name = "FS_LINK_REMOTE", columnList = "PLATFORM, ENTITY_TYPE, REMOTE_ID"))
public class Link {

    @Id
    @Column(name = "RECORD_KEY", length = 300)
    private String recordKey;

    @Column(name = "PLATFORM", nullable = false, length = 40)
    private String platform;

    @Column(name = "ENTITY_TYPE", nullable = false, length = 40)
    private String entityType;

    @Column(name = "ERP_KEY", nullable = false, length = 200)
    private String erpKey;

    @Column(name = "REMOTE_ID", length = 100)
    private String remoteId;

    @Column(name = "CONFIRMED", nullable = false)
    private boolean confirmed;

    @Column(name = "LAST_HASH", length = 64)
    private String lastHash;

    // EAGER on purpose: with a lazy basic, EclipseLink's fetch-group load on first write
    // overwrote the other changes made in confirm() (seen on Payara 6.2025.10).
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "LAST_PAYLOAD")
    private String lastPayload;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    protected Link() {}

    public Link(String recordKey, String platform, String entityType, String erpKey, String remoteId, long now) {
        this.recordKey = recordKey;
        this.platform = platform;
        this.entityType = entityType;
        this.erpKey = erpKey;
        this.remoteId = remoteId;
        this.updatedAt = now;
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

    public String getRemoteId() {
        return remoteId;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public String getLastHash() {
        return lastHash;
    }

    public String getLastPayload() {
        return lastPayload;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    /** Records that the platform holds {@code payload} (hash {@code hash}) under {@code remoteId}. */
    public void confirm(String remoteId, String hash, String payload, long now) {
        this.remoteId = remoteId;
        this.confirmed = true;
        this.lastHash = hash;
        this.lastPayload = payload;
        this.updatedAt = now;
    }
}
