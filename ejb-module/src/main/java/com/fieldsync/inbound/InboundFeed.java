package com.fieldsync.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A polled feed of one platform, contributed by its connector as a CDI bean. The engine ({@link
 * FeedRunner}) owns the cursor, the lease and the transactions; the feed only talks to the
 * platform and says what each row means for the ERP.
 */
public interface InboundFeed {

    /** Stable and unique: the key of the feed's cursor and lease ({@code odyssee.approvals}). */
    String name();

    /** Feeds run one after another in this order, so a feed can depend on an earlier one. */
    int order();

    boolean enabled();

    /** What is wrong with the admin's settings for this feed, naming the keys; empty if usable. */
    Optional<String> configurationProblem();

    /** Where a feed that has never applied anything starts reading. */
    Instant startFrom();

    /** How far before its watermark each poll re-reads (see {@link com.fieldsync.cursors.FeedCursor}). */
    Duration lookBack();

    /**
     * A page of rows modified at or after {@code from}, oldest first (ties by id). {@code nextLink}
     * is null for the first page, else the previous page's {@link FeedPage#nextLink()}.
     */
    FeedPage fetch(Instant from, String nextLink) throws FeedException;

    /** Gathers what delivering the row needs (remote calls, outside any transaction). */
    Delivery prepare(FeedRow row) throws FeedException;

    /** A held item's row, read again; empty if the platform no longer has it. */
    Optional<FeedRow> reload(String id) throws FeedException;
}
