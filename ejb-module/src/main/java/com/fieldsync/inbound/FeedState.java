package com.fieldsync.inbound;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One polled feed: its cursor and its lease. The row is locked by every transaction that applies an
 * item of the feed, which serialises them across server instances; the lease (who polls, until
 * when, in the database's clock) keeps a second instance from polling at all while the first is
 * alive.
 */
@Entity
@Table(name = "FS_FEED")
public class FeedState {

    @Id
    @Column(name = "NAME", length = 100)
    private String name;

    /** {@link com.fieldsync.cursors.FeedCursor#encode()}, from the feed's creation on. */
    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "CURSOR_TEXT")
    private String cursor;

    @Column(name = "LEASE_OWNER", length = 200)
    private String leaseOwner;

    /** Epoch millis in the database's clock. */
    @Column(name = "LEASE_UNTIL", nullable = false)
    private long leaseUntil;

    @Column(name = "APPLIED_COUNT", nullable = false)
    private long appliedCount;

    protected FeedState() {}

    FeedState(String name, String cursor) {
        this.name = name;
        this.cursor = cursor;
    }

    public String getName() {
        return name;
    }

    public String getCursor() {
        return cursor;
    }

    void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public long getLeaseUntil() {
        return leaseUntil;
    }

    void lease(String owner, long until) {
        this.leaseOwner = owner;
        this.leaseUntil = until;
    }

    public long getAppliedCount() {
        return appliedCount;
    }

    void countApplied() {
        appliedCount++;
    }
}
