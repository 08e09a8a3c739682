package com.fieldsync.inbound;

import com.fieldsync.cursors.FeedCursor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The feed tables outside the delivering transaction: leases, cursors and item lookups. */
@Stateless
public class FeedStore {

    @PersistenceContext(unitName = "fieldsync")
    EntityManager em;

    /** Creates the feed's row, starting at {@code initial}, if it has none; a concurrent creation by another instance fails harmlessly. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(String feed, FeedCursor initial) {
        if (em.find(FeedState.class, feed) == null) {
            em.persist(new FeedState(feed, initial.encode()));
            em.flush();
        }
    }

    /**
     * Takes or renews the feed's lease for {@code leaseMillis} of the database's clock: true if it
     * is free, expired or already ours, false while another instance holds it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean acquire(String feed, String owner, long leaseMillis) {
        FeedState state = em.find(FeedState.class, feed, LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            return false;
        }
        long now = databaseNow(em, feed);
        if (state.getLeaseOwner() != null && !owner.equals(state.getLeaseOwner()) && state.getLeaseUntil() > now) {
            return false;
        }
        state.lease(owner, now + leaseMillis);
        return true;
    }

    /** Gives the lease up (shutdown), so another instance takes over at once instead of after expiry. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(String feed, String owner) {
        FeedState state = em.find(FeedState.class, feed, LockModeType.PESSIMISTIC_WRITE);
        if (state != null && owner.equals(state.getLeaseOwner())) {
            state.lease(null, 0);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<FeedState> state(String feed) {
        return Optional.ofNullable(em.find(FeedState.class, feed));
    }

    /** The stored cursor, or {@code initial} for a feed that has applied nothing yet. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public FeedCursor cursor(String feed, FeedCursor initial) {
        return state(feed).map(FeedState::getCursor).map(FeedCursor::decode).orElse(initial);
    }

    /**
     * The feed's cursor: its stored watermark with the rows seen inside the look-back window.
     *
     * @param initial the cursor of a feed that has none stored yet
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public FeedCursor cursorWithSeen(String feed, FeedCursor initial) {
        FeedCursor stored = cursor(feed, initial);
        Map<String, Instant> seen = new HashMap<>();
        em.createQuery("SELECT s FROM FeedSeen s WHERE s.feed = :feed AND s.modifiedAt >= :from", FeedSeen.class)
                .setParameter("feed", feed)
                .setParameter("from", stored.pollFrom().toEpochMilli())
                .getResultStream()
                .forEach(s -> seen.put(s.getRowId(), Instant.ofEpochMilli(s.getModifiedAt())));
        return FeedCursor.of(stored.watermark(), stored.lookBack(), seen);
    }

    /** Forgets the rows seen before {@code before} (they left the look-back window). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forgetSeen(String feed, Instant before) {
        return em.createQuery("DELETE FROM FeedSeen s WHERE s.feed = :feed AND s.modifiedAt < :before")
                .setParameter("feed", feed)
                .setParameter("before", before.toEpochMilli())
                .executeUpdate();
    }

    /**
     * Records, in its own transaction, that the platform said row {@code rowId} of {@code feed}
     * changed; the runner reads and applies it on its next pass. Durable once this returns.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void nudge(String feed, String rowId, long now) {
        em.persist(new FeedNudge(feed, rowId, now));
    }

    /** Waiting nudges of the feed, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<FeedNudge> nudges(String feed, int max) {
        return em.createQuery("SELECT n FROM FeedNudge n WHERE n.feed = :feed ORDER BY n.receivedAt", FeedNudge.class)
                .setParameter("feed", feed)
                .setMaxResults(max)
                .getResultList();
    }

    /** Forgets nudges that have been acted on (only these: ones that arrived meanwhile stay). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forgetNudges(List<String> nudgeIds) {
        if (!nudgeIds.isEmpty()) {
            em.createQuery("DELETE FROM FeedNudge n WHERE n.nudgeId IN :ids")
                    .setParameter("ids", nudgeIds)
                    .executeUpdate();
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long nudgeCount(String feed) {
        return em.createQuery("SELECT COUNT(n) FROM FeedNudge n WHERE n.feed = :feed", Long.class)
                .setParameter("feed", feed)
                .getSingleResult();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<InboundItem> item(String feed, String itemId) {
        return Optional.ofNullable(em.find(InboundItem.class, InboundItem.key(feed, itemId)));
    }

    /**
     * Held items of the feed whose awaited item has been applied, oldest first: only these can go
     * now, so items that wait for something that never comes cannot crowd them out.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InboundItem> releasable(String feed, int max) {
        return em.createQuery(
                        "SELECT i FROM InboundItem i WHERE i.feed = :feed AND i.state = :held AND EXISTS ("
                                + "SELECT a FROM InboundItem a WHERE a.itemKey = i.waitingFor AND a.state = :applied)"
                                + " ORDER BY i.recordedAt",
                        InboundItem.class)
                .setParameter("feed", feed)
                .setParameter("held", InboundItem.State.HELD)
                .setParameter("applied", InboundItem.State.APPLIED)
                .setMaxResults(max)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(String feed, InboundItem.State state) {
        return em.createQuery(
                        "SELECT COUNT(i) FROM InboundItem i WHERE i.feed = :feed AND i.state = :state", Long.class)
                .setParameter("feed", feed)
                .setParameter("state", state)
                .getSingleResult();
    }

    /** Items recorded as {@code state}, newest first, for the admin. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InboundItem> items(String feed, InboundItem.State state, int max) {
        return em.createQuery(
                        "SELECT i FROM InboundItem i WHERE i.feed = :feed AND i.state = :state"
                                + " ORDER BY i.recordedAt DESC",
                        InboundItem.class)
                .setParameter("feed", feed)
                .setParameter("state", state)
                .setMaxResults(max)
                .getResultList();
    }

    /** The database's clock in epoch millis, read through the feed's row (which must exist). */
    static long databaseNow(EntityManager em, String feed) {
        Object now = em.createQuery("SELECT CURRENT_TIMESTAMP FROM FeedState f WHERE f.name = :name")
                .setParameter("name", feed)
                .getSingleResult();
        return toMillis(now);
    }

    static long toMillis(Object timestamp) {
        if (timestamp instanceof Date d) {
            return d.getTime();
        }
        if (timestamp instanceof OffsetDateTime o) {
            return o.toInstant().toEpochMilli();
        }
        if (timestamp instanceof ZonedDateTime z) {
            return z.toInstant().toEpochMilli();
        }
        if (timestamp instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (timestamp instanceof java.time.LocalDateTime l) {
            return java.sql.Timestamp.valueOf(l).getTime();
        }
        throw new IllegalStateException("the database answered CURRENT_TIMESTAMP with "
                + (timestamp == null ? "null" : timestamp.getClass().getName()));
    }
}
