package com.fieldsync.outbox;

import com.fieldsync.connector.Outcome;
import com.fieldsync.erp.ChangeKind;
import com.fieldsync.erp.EntityType;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every outbox read and write the dispatcher makes, each in its own short transaction, so no lock
 * is held while a platform is called.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    /*
     * A record sent less than the coalescing window ago waits for the window to pass, so that a
     * burst of edits to one record costs one more call, not one per edit.
     *
     * A row is claimable only while it is the oldest unfinished row of its record: that keeps one
     * record's changes in order even with several instances claiming at once, while SKIP LOCKED
     * lets them share the rest of the queue. An INFLIGHT row whose lease ran out belonged to a
     * crashed claimer and is taken over.
     */
    private static final String CLAIM = "SELECT o.ID FROM FS_OUTBOX o WHERE o.PLATFORM IN (%s)"
            + " AND ((o.STATE = 'PENDING' AND o.NEXT_ATTEMPT_AT <= ?) OR (o.STATE = 'INFLIGHT' AND o.LEASE_UNTIL < ?))"
            + " AND o.ID = (SELECT MIN(i.ID) FROM FS_OUTBOX i WHERE i.RECORD_KEY = o.RECORD_KEY"
            + " AND i.STATE IN ('PENDING', 'INFLIGHT'))"
            + " AND NOT EXISTS (SELECT 1 FROM FS_LINK l WHERE l.RECORD_KEY = o.RECORD_KEY AND l.UPDATED_AT > ?)"
            + " ORDER BY o.ID LIMIT ? FOR UPDATE SKIP LOCKED";

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
        var query = em.createNativeQuery(
                CLAIM.formatted(platforms.stream().map(p -> "?").collect(Collectors.joining(", "))));
        int position = 1;
        for (String platform : platforms) {
            query.setParameter(position++, platform);
        }
        query.setParameter(position++, now);
        query.setParameter(position++, now);
        query.setParameter(position++, quietSince);
        query.setParameter(position, limit);
        List<Long> ids = ((List<?>) query.getResultList())
                .stream().map(id -> ((Number) id).longValue()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        em.createQuery("UPDATE OutboxEntry e SET e.state = :inflight, e.leaseUntil = :lease WHERE e.id IN :ids")
                .setParameter("inflight", OutboxState.INFLIGHT)
                .setParameter("lease", leaseUntil)
                .setParameter("ids", ids)
                .executeUpdate();
        List<ClaimedRecord> claimed = new ArrayList<>(ids.size());
        for (OutboxEntry head : em.createQuery("SELECT e FROM OutboxEntry e WHERE e.id IN :ids", OutboxEntry.class)
                .setParameter("ids", ids)
                .getResultList()) {
            claimed.add(coalesce(head, leaseUntil));
        }
        return claimed;
    }

    /** The record's queued rows from the head on: the newest one's fields win. */
    private ClaimedRecord coalesce(OutboxEntry head, long leaseUntil) {
        OutboxEntry last = em.createQuery(
                        "SELECT e FROM OutboxEntry e WHERE e.recordKey = :rk AND e.state = :pending AND e.id > :head"
                                + " ORDER BY e.id DESC",
                        OutboxEntry.class)
                .setParameter("rk", head.getRecordKey())
                .setParameter("pending", OutboxState.PENDING)
                .setParameter("head", head.getId())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(head);
        int coalesced = last == head
                ? 1
                : ((Number) em.createQuery("SELECT COUNT(e) FROM OutboxEntry e WHERE e.recordKey = :rk"
                                        + " AND e.id BETWEEN :head AND :last AND e.state IN :open")
                                .setParameter("rk", head.getRecordKey())
                                .setParameter("head", head.getId())
                                .setParameter("last", last.getId())
                                .setParameter("open", List.of(OutboxState.PENDING, OutboxState.INFLIGHT))
                                .getSingleResult())
                        .intValue();
        Map<String, Object> fields = PayloadCodec.read(last.getPayload());
        return new ClaimedRecord(
                head.getId(),
                last.getId(),
                coalesced,
                leaseUntil,
                head.getAttempts(),
                head.getRecordKey(),
                head.getPlatform(),
                EntityType.valueOf(head.getEntityType()),
                head.getErpKey(),
                ChangeKind.valueOf(last.getChangeKind()),
                fields);
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
