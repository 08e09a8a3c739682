package com.fieldsync.inbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * What became of one item of a feed. Its key makes a second delivery of the same item impossible:
 * it is written in the transaction that delivers the item to the ERP.
 */
@Entity
@Table(name = "FS_INBOUND", indexes = @Index(name = "FS_INBOUND_FEED_STATE", columnList = "FEED, STATE"))
public class InboundItem {

    /** What happened to the item. */
    public enum State {
        /** Delivered to the ERP (committed with the ERP's work). */
        APPLIED,
        /** Waiting for another item ({@link #getWaitingFor()}) to be applied first. */
        HELD,
        /** Not delivered on purpose, e.g. an impossible remote transition; see the detail. */
        REPORTED
    }

    @Id
    @Column(name = "ITEM_KEY", length = 250)
    private String itemKey;

    @Column(name = "FEED", nullable = false, length = 100)
    private String feed;

    @Column(name = "ITEM_ID", nullable = false, length = 100)
    private String itemId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", nullable = false, length = 20)
    private State state;

    @Column(name = "WAITING_FOR", length = 250)
    private String waitingFor;

    @Column(name = "DETAIL", length = 1000)
    private String detail;

    @Column(name = "RECORDED_AT", nullable = false)
    private long recordedAt;

    /** The version applied, for items that change ({@link Delivery.Apply#version()}); null or 0 otherwise. */
    @Column(name = "ITEM_VERSION")
    private Long version;

    protected InboundItem() {}

    InboundItem(String feed, String itemId) {
        this.itemKey = key(feed, itemId);
        this.feed = feed;
        this.itemId = itemId;
    }

    static String key(String feed, String itemId) {
        return feed + "|" + itemId;
    }

    void record(State state, String waitingFor, String detail, long now) {
        this.state = state;
        this.waitingFor = waitingFor;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
        this.recordedAt = now;
    }

    /** Whether a delivery of {@code newer} brings a later version of this recorded item. */
    boolean isOlderThan(long newer) {
        return newer > (version == null ? 0 : version);
    }

    void version(long applied) {
        this.version = applied;
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }

    public String getItemKey() {
        return itemKey;
    }

    public String getFeed() {
        return feed;
    }

    public String getItemId() {
        return itemId;
    }

    public State getState() {
        return state;
    }

    public String getWaitingFor() {
        return waitingFor;
    }

    public String getDetail() {
        return detail;
    }

    public long getRecordedAt() {
        return recordedAt;
    }
}
