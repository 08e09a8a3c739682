package com.fieldsync.outbox;

import com.fieldsync.connector.Outcome;
import com.fieldsync.erp.ChangeKind;
import com.fieldsync.erp.EntityType;
import com.fieldsync.links.Link;
import com.fieldsync.links.LinkStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every outbox read and write the dispatcher makes, each in its own short transaction, so no lock
 * is held while a platform is called.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    /*
     * Candidates, read without locks: due PENDING rows that are the oldest unfinished row of their
     * record (that keeps one record's changes in order even with several instances claiming), of a
     * record not sent within the coalescing window (a burst of edits then costs one more call, not
     * one per edit). "ORDER BY STATE, ID" lets the (STATE, ID) index deliver rows in order and stop
     * at the limit.
     */
    private static final String CANDIDATES = "SELECT o.ID FROM FS_OUTBOX o"
            + " WHERE o.STATE = 'PENDING' AND o.NEXT_ATTEMPT_AT <= ? AND o.PLATFORM IN (%s)"
            + " AND NOT EXISTS (SELECT 1 FROM FS_OUTBOX i WHERE i.RECORD_KEY = o.RECORD_KEY"
            + " AND i.STATE IN ('PENDING', 'INFLIGHT') AND i.ID < o.ID)"
            + " AND NOT EXISTS (SELECT 1 FROM FS_LINK l WHERE l.RECORD_KEY = o.RECORD_KEY AND l.UPDATED_AT > ?)"
            + " ORDER BY o.STATE, o.ID LIMIT ?";

    /*
     * Then lock exactly those rows. SKIP LOCKED and the state check drop the ones another instance
     * claimed in between. (Locking in the candidate query itself made H2 lock every due row.)
     */
    private static final String LOCK =
            "SELECT o.ID FROM FS_OUTBOX o WHERE o.ID IN (%s) AND o.STATE = 'PENDING'" + " FOR UPDATE SKIP LOCKED";

    @PersistenceContext(unitName = "fieldsync")
    EntityManager em;

    @Inject
    LinkStore links;

    /**
     * Claims up to {@code limit} due records of the given platforms until {@code leaseUntil}, skipping
     * records whose link changed after {@code quietSince}.
     */
    public List<ClaimedRecord> claim(
            Collection<String> platforms, int limit, long now, long leaseUntil, long quietSince) {
        if (platforms.isEmpty()) {
            return List.of();
        }
        var candidates = em.createNativeQuery(CANDIDATES.formatted(placeholders(platforms.size())));
        int position = 1;
        candidates.setParameter(position++, now);
        for (String platform : platforms) {
            candidates.setParameter(position++, platform);
        }
        candidates.setParameter(position++, quietSince);
        candidates.setParameter(position, limit);
        List<Long> found = ids(candidates.getResultList());
        if (found.isEmpty()) {
            return List.of();
        }
        var lock = em.createNativeQuery(LOCK.formatted(placeholders(found.size())));
        for (int i = 0; i < found.size(); i++) {
            lock.setParameter(i + 1, found.get(i));
        }
        List<Long> ids = ids(lock.getResultList());
        if (ids.isEmpty()) {
            return List.of();
        }
        em.createQuery("UPDATE OutboxEntry e SET e.state = :inflight, e.leaseUntil = :lease WHERE e.id IN :ids")
                .setParameter("inflight", OutboxState.INFLIGHT)
                .setParameter("lease", leaseUntil)
                .setParameter("ids", ids)
                .executeUpdate();
        List<OutboxEntry> heads = em.createQuery("SELECT e FROM OutboxEntry e WHERE e.id IN :ids", OutboxEntry.class)
                .setParameter("ids", ids)
                .getResultList();
        List<String> keys = heads.stream().map(OutboxEntry::getRecordKey).toList();
        // Two queries for the whole claim, not two per record: the rows queued behind each head
        // (they are coalesced into it) and each record's link.
        Map<String, List<OutboxEntry>> queued = new HashMap<>();
        for (OutboxEntry e : em.createQuery(
                        "SELECT e FROM OutboxEntry e WHERE e.recordKey IN :keys AND e.state IN :open ORDER BY e.id",
                        OutboxEntry.class)
                .setParameter("keys", keys)
                .setParameter("open", List.of(OutboxState.PENDING, OutboxState.INFLIGHT))
                .getResultList()) {
            queued.computeIfAbsent(e.getRecordKey(), k -> new ArrayList<>()).add(e);
        }
        Map<String, Link> links = new HashMap<>();
        for (Link l : em.createQuery("SELECT l FROM Link l WHERE l.recordKey IN :keys", Link.class)
                .setParameter("keys", keys)
                .getResultList()) {
            links.put(l.getRecordKey(), l);
        }
        List<ClaimedRecord> claimed = new ArrayList<>(heads.size());
        for (OutboxEntry head : heads) {
            claimed.add(coalesce(
                    head,
                    queued.getOrDefault(head.getRecordKey(), List.of(head)),
                    links.get(head.getRecordKey()),
                    leaseUntil));
        }
        return claimed;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static List<Long> ids(List<?> rows) {
        return rows.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * Puts rows back whose claim expired: their claimer crashed or hung. Returns how many; they are
     * claimed again like any due row.
     */
    public int releaseExpiredClaims(long now) {
        return em.createQuery("UPDATE OutboxEntry e SET e.state = :pending, e.leaseUntil = 0, e.nextAttemptAt = :now"
                        + " WHERE e.state = :inflight AND e.leaseUntil < :now")
                .setParameter("pending", OutboxState.PENDING)
                .setParameter("inflight", OutboxState.INFLIGHT)
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Deletes up to {@code limit} rows that were done before {@code doneBefore}; dead letters stay
     * until an admin replays or discards them. Returns how many were deleted.
     */
    public int prune(long doneBefore, int limit) {
        List<Long> old = em.createQuery(
                        "SELECT e.id FROM OutboxEntry e WHERE e.state = :done AND e.doneAt < :before ORDER BY e.id",
                        Long.class)
                .setParameter("done", OutboxState.DONE)
                .setParameter("before", doneBefore)
                .setMaxResults(limit)
                .getResultList();
        if (old.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM OutboxEntry e WHERE e.id IN :ids")
                .setParameter("ids", old)
                .executeUpdate();
    }

    /** The record's queued rows from the head on: the newest one's fields win. */
    private static ClaimedRecord coalesce(OutboxEntry head, List<OutboxEntry> queued, Link link, long leaseUntil) {
        List<OutboxEntry> behind =
                queued.stream().filter(e -> e.getId() >= head.getId()).toList();
        OutboxEntry last = behind.isEmpty() ? head : behind.get(behind.size() - 1);
        return new ClaimedRecord(
                head.getId(),
                last.getId(),
                leaseUntil,
                head.getAttempts(),
                head.getRecordKey(),
                head.getPlatform(),
                EntityType.valueOf(head.getEntityType()),
                head.getErpKey(),
                ChangeKind.valueOf(last.getChangeKind()),
                PayloadCodec.read(last.getPayload()),
                link == null
                        ? null
                        : new ClaimedRecord.LinkSnapshot(link.getRemoteId(), link.isConfirmed(), link.getLastHash()));
    }

    /**
     * Marks the claimed rows done (sent, unchanged or superseded) and wakes changes that waited for
     * this record. Returns false if the claim was lost to another instance (lease expired).
     */
    public boolean done(ClaimedRecord r, long now, String note, Outcome.Delivered delivered) {
        if (!stillOwned(r)) {
            return false;
        }
        if (delivered != null) {
            links.confirm(
                    r.recordKey(),
                    r.platform(),
                    r.type().name(),
                    r.erpKey(),
                    delivered.remoteId(),
                    delivered.hash(),
                    delivered.payload(),
                    now);
        }
        em.createQuery("UPDATE OutboxEntry e SET e.state = :done, e.doneAt = :now, e.lastAttemptAt = :now,"
                        + " e.lastError = :note, e.waitingFor = NULL, e.leaseUntil = 0"
                        + " WHERE e.recordKey = :rk AND e.id BETWEEN :head AND :last AND e.state IN :open")
                .setParameter("done", OutboxState.DONE)
                .setParameter("now", now)
                .setParameter("note", note)
                .setParameter("rk", r.recordKey())
                .setParameter("head", r.headId())
                .setParameter("last", r.lastId())
                .setParameter("open", List.of(OutboxState.PENDING, OutboxState.INFLIGHT))
                .executeUpdate();
        em.createQuery("UPDATE OutboxEntry e SET e.nextAttemptAt = :now, e.waitingFor = NULL"
                        + " WHERE e.waitingFor = :rk AND e.state = :pending")
                .setParameter("now", now)
                .setParameter("rk", r.recordKey())
                .setParameter("pending", OutboxState.PENDING)
                .executeUpdate();
        return true;
    }

    /**
     * Dead-letters the newest row (whose fields were refused) with the platform's message; the
     * older coalesced rows are superseded by it and marked done.
     */
    public void dead(ClaimedRecord r, long now, int status, String message) {
        if (!stillOwned(r)) {
            return;
        }
        if (r.lastId() != r.headId()) {
            em.createQuery("UPDATE OutboxEntry e SET e.state = :done, e.doneAt = :now, e.lastError = :note"
                            + " WHERE e.recordKey = :rk AND e.id >= :head AND e.id < :last AND e.state IN :open")
                    .setParameter("done", OutboxState.DONE)
                    .setParameter("now", now)
                    .setParameter("note", "superseded by change " + r.lastId())
                    .setParameter("rk", r.recordKey())
                    .setParameter("head", r.headId())
                    .setParameter("last", r.lastId())
                    .setParameter("open", List.of(OutboxState.PENDING, OutboxState.INFLIGHT))
                    .executeUpdate();
        }
        OutboxEntry last = em.find(OutboxEntry.class, r.lastId());
        last.setState(OutboxState.DEAD);
        last.setAttempts(r.attempts() + 1);
        last.setLastAttemptAt(now);
        last.setLastStatus(status);
        last.setLastError(message);
        last.setLeaseUntil(0);
        last.setWaitingFor(null);
    }

    /**
     * Puts the claim back to be tried at {@code nextAttemptAt}; {@code countAttempt} is false when
     * the failure was not the record's (refused credentials).
     */
    public void retryLater(
            ClaimedRecord r,
            long now,
            long nextAttemptAt,
            boolean countAttempt,
            int status,
            String error,
            String waitingFor) {
        OutboxEntry head = em.find(OutboxEntry.class, r.headId(), LockModeType.PESSIMISTIC_WRITE);
        if (head == null || head.getState() != OutboxState.INFLIGHT || head.getLeaseUntil() != r.leaseUntil()) {
            return;
        }
        head.setState(OutboxState.PENDING);
        head.setLeaseUntil(0);
        head.setNextAttemptAt(nextAttemptAt);
        head.setLastAttemptAt(now);
        head.setLastStatus(status);
        head.setLastError(error);
        head.setWaitingFor(waitingFor);
        if (countAttempt) {
            head.setAttempts(head.getAttempts() + 1);
        }
    }

    private boolean stillOwned(ClaimedRecord r) {
        OutboxEntry head = em.find(OutboxEntry.class, r.headId(), LockModeType.PESSIMISTIC_WRITE);
        return head != null && head.getState() == OutboxState.INFLIGHT && head.getLeaseUntil() == r.leaseUntil();
    }
}
