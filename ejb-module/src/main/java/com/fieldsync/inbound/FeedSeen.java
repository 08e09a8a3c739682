package com.fieldsync.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A row a feed has passed (applied, held, reported or skipped) at its modification time, kept while
 * it lies inside the feed's look-back window: the de-duplication half of the cursor, one small row
 * each, so that moving the cursor costs the same whether the window holds ten rows or ten thousand.
 */
@Entity
@Table(name = "FS_FEED_SEEN", indexes = @Index(name = "FS_FEED_SEEN_FEED", columnList = "FEED, MODIFIED_AT"))
public class FeedSeen {

    @Id
    @Column(name = "SEEN_KEY", length = 250)
    private String seenKey;

    @Column(name = "FEED", nullable = false, length = 100)
    private String feed;

    @Column(name = "ROW_ID", nullable = false, length = 100)
    private String rowId;

    /** The row's modification time on the platform, epoch millis. */
    @Column(name = "MODIFIED_AT", nullable = false)
    private long modifiedAt;

    protected FeedSeen() {}

    FeedSeen(String feed, String rowId, long modifiedAt) {
        this.seenKey = InboundItem.key(feed, rowId);
        this.feed = feed;
        this.rowId = rowId;
        this.modifiedAt = modifiedAt;
    }

    static String key(String feed, String rowId) {
        return InboundItem.key(feed, rowId);
    }

    public String getRowId() {
        return rowId;
    }

    public long getModifiedAt() {
        return modifiedAt;
    }

    void seenAgain(long modifiedAt) {
        this.modifiedAt = Math.max(this.modifiedAt, modifiedAt);
    }
}
