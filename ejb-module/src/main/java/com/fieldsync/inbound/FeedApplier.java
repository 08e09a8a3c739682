package com.fieldsync.inbound;

import com.fieldsync.cursors.FeedCursor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * The transaction that delivers one feed item: lock the feed's row (so instances take turns), check
 * the lease is still ours and the item not yet applied, run the delivery (the ERP's observer joins
 * this transaction), record the item, move the cursor. All of it commits, or none of it.
 */
@Stateless
public class FeedApplier {

    @PersistenceContext(unitName = "fieldsync")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Applies one row: its item, the feed's watermark if the row is newer, and the row as seen.
     *
     * @param initial the cursor of a feed that has none stored yet
     * @return whether the ERP received the item in this call
     * @throws LeaseLostException if another instance holds the lease now
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean apply(
            String feed, String owner, long leaseMillis, FeedCursor initial, FeedRow row, Delivery delivery) {
        FeedState state = lockOwned(feed, owner);
        FeedCursor cursor = state.getCursor() == null ? initial : FeedCursor.decode(state.getCursor());
        boolean delivered = record(state, delivery);
        if (row.modified().isAfter(cursor.watermark())) {
            state.setCursor(
                    FeedCursor.startingAt(row.modified(), cursor.lookBack()).encode());
        }
        long modified = row.modified().toEpochMilli();
        FeedSeen seen = em.find(FeedSeen.class, FeedSeen.key(feed, row.id()));
        if (seen == null) {
            em.persist(new FeedSeen(feed, row.id(), modified));
        } else {
            seen.seenAgain(modified);
        }
        state.lease(owner, FeedStore.databaseNow(em, feed) + leaseMillis);
        return delivered;
    }

    /**
     * Delivers an item that was held, without touching the cursor (it moved past the item when the
     * item was held).
     *
     * @return whether the ERP received it in this call
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean applyHeld(String feed, String owner, Delivery delivery) {
        FeedState state = lockOwned(feed, owner);
        InboundItem item = em.find(InboundItem.class, InboundItem.key(feed, delivery.itemId()));
        if (item == null || item.getState() != InboundItem.State.HELD) {
            return false;
        }
        return record(state, delivery);
    }

    /**
     * Delivers an item a platform pointed at (a webhook: "this record changed"), read by id, without
     * touching the cursor: polling still reads past it in order, and finds it applied.
     *
     * @return whether the ERP received it in this call
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean applyNudged(String feed, String owner, long leaseMillis, Delivery delivery) {
        FeedState state = lockOwned(feed, owner);
        boolean delivered = record(state, delivery);
        state.lease(owner, FeedStore.databaseNow(em, feed) + leaseMillis);
        return delivered;
    }

    private FeedState lockOwned(String feed, String owner) {
        FeedState state = em.find(FeedState.class, feed, LockModeType.PESSIMISTIC_WRITE);
        if (state == null || !owner.equals(state.getLeaseOwner())) {
            throw new LeaseLostException(feed);
        }
        return state;
    }

    private boolean record(FeedState state, Delivery delivery) {
        if (delivery instanceof Delivery.Skip || delivery instanceof Delivery.Later) {
            return false;
        }
        String feed = state.getName();
        InboundItem item = em.find(InboundItem.class, InboundItem.key(feed, delivery.itemId()));
        long version = delivery instanceof Delivery.Apply apply ? apply.version() : 0;
        if (item != null && item.getState() != InboundItem.State.HELD && !item.isOlderThan(version)) {
            return false; // applied or reported before, and this is no later version: never twice
        }
        boolean created = item == null;
        if (created) {
            item = new InboundItem(feed, delivery.itemId());
        }
        long now = clock.millis();
        boolean delivered = false;
        if (delivery instanceof Delivery.Apply apply) {
            apply.action().run();
            item.record(InboundItem.State.APPLIED, null, apply.detail(), now);
            item.version(apply.version());
            state.countApplied();
            delivered = true;
        } else if (delivery instanceof Delivery.Hold hold) {
            item.record(
                    InboundItem.State.HELD,
                    InboundItem.key(hold.waitingForFeed(), hold.waitingForId()),
                    hold.reason(),
                    now);
        } else if (delivery instanceof Delivery.Report report) {
            item.record(InboundItem.State.REPORTED, null, report.reason(), now);
        }
        if (created) {
            em.persist(item);
        }
        return delivered;
    }
}
