package com.fieldsync.inbound;

import java.util.Objects;

/** What to do with one feed row, decided by {@link InboundFeed#prepare}. */
public sealed interface Delivery {

    /**
     * The key under which the item is recorded, unique within the feed: applying an item whose key
     * is already recorded as applied does nothing.
     */
    String itemId();

    /**
     * Hand the item to the ERP: {@code action} runs inside the transaction that records it as
     * applied and moves the cursor (it fires the ERP's CDI event); if it throws, none of it happens.
     * {@code detail} is kept with the applied item (e.g. the ERP key it was applied to) for items of
     * later feeds that refer to it.
     *
     * <p>{@code version} serves items that change (a record edited on mobile, read by polling and by
     * webhook): an applied item is applied again only with a greater version, so an older read
     * arriving after a newer one never overwrites it. Items that never change use 0.
     */
    record Apply(String itemId, long version, String detail, Runnable action) implements Delivery {
        public Apply {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(action, "action");
        }

        /** An item that never changes: applied once. */
        public Apply(String itemId, String detail, Runnable action) {
            this(itemId, 0, detail, action);
        }
    }

    /**
     * Not yet: the item needs another feed's item applied first. It is recorded as held, the
     * cursor moves on, and the engine offers it again once {@code waitingForId} is applied.
     */
    record Hold(String itemId, String waitingForFeed, String waitingForId, String reason) implements Delivery {}

    /** Never: recorded with the reason for an admin to see, not delivered (e.g. an impossible transition). */
    record Report(String itemId, String reason) implements Delivery {}

    /**
     * Not now, and not past it: the row cannot be judged at this moment (FieldSync is writing this
     * very record to the platform). The feed's pass stops before the row, which is read again on
     * the next pass; nothing is recorded and the cursor does not move past it.
     */
    record Later(String itemId, String reason) implements Delivery {}

    /** Nothing for the ERP in this row (e.g. a job changed in a field nobody synchronises). */
    record Skip(String itemId) implements Delivery {}
}
