package com.fieldsync.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A platform's word that one row of a feed changed (a webhook callback), kept until the row has been
 * read and applied. One row per callback, never updated: recording one is a plain insert, so a storm
 * of callbacks for the same record does not queue on one database row; the runner reads each
 * record once for all the callbacks it finds waiting.
 */
@Entity
@Table(name = "FS_FEED_NUDGE", indexes = @Index(name = "FS_FEED_NUDGE_FEED", columnList = "FEED, RECEIVED_AT"))
public class FeedNudge {

    @Id
    @Column(name = "NUDGE_ID", length = 36)
    private String nudgeId;

    @Column(name = "FEED", nullable = false, length = 100)
    private String feed;

    @Column(name = "ROW_ID", nullable = false, length = 100)
    private String rowId;

    /** When the callback arrived, epoch millis of the receiving instance. */
    @Column(name = "RECEIVED_AT", nullable = false)
    private long receivedAt;

    protected FeedNudge() {}

    FeedNudge(String feed, String rowId, long receivedAt) {
        this.nudgeId = UUID.randomUUID().toString();
        this.feed = feed;
        this.rowId = rowId;
        this.receivedAt = receivedAt;
    }

    public String getNudgeId() {
        return nudgeId;
    }

    public String getFeed() {
        return feed;
    }

    public String getRowId() {
        return rowId;
    }

    public long getReceivedAt() {
        return receivedAt;
    }
}
