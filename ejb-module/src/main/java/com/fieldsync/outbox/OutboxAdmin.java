package com.fieldsync.outbox;

import com.fieldsync.erp.EntityType;
import com.fieldsync.links.LinkStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an admin sees of the outbox and may do to it: dead letters, replay, discard, depth. */
@Stateless
public class OutboxAdmin {

    /** A dead-lettered change as the admin page shows it. */
    public record DeadLetter(
            long id,
            String platform,
            String entityType,
            String erpKey,
            int attempts,
            int status,
            String error,
            long createdAt,
            long lastAttemptAt,
            String payload) {}

    /** What replaying did. */
    public enum ReplayResult {
        QUEUED,
        SUPERSEDED,
        NOT_FOUND
    }

    @PersistenceContext(unitName = "fieldsync")
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Clock clock;

    @Inject
    LinkStore links;

    public List<DeadLetter> deadLetters(int limit) {
        return em.createQuery("SELECT e FROM OutboxEntry e WHERE e.state = :dead ORDER BY e.id", OutboxEntry.class)
                .setParameter("dead", OutboxState.DEAD)
                .setMaxResults(limit)
                .getResultStream()
                .map(e -> new DeadLetter(
                        e.getId(),
                        e.getPlatform(),
                        e.getEntityType(),
                        e.getErpKey(),
                        e.getAttempts(),
                        e.getLastStatus(),
                        e.getLastError(),
                        e.getCreatedAt(),
                        e.getLastAttemptAt(),
                        e.getPayload()))
                .toList();
    }

    /**
     * Queues a dead letter again, unless a newer change of the same record was queued since: then
     * sending the old fields would overwrite newer ones, so it is marked superseded instead.
     */
    public ReplayResult replay(long id) {
        Optional<OutboxEntry> found = deadEntry(id);
        if (found.isEmpty()) {
            return ReplayResult.NOT_FOUND;
        }
        OutboxEntry e = found.get();
        long newer = em.createQuery(
                        "SELECT COUNT(o) FROM OutboxEntry o WHERE o.recordKey = :rk AND o.id > :id", Long.class)
                .setParameter("rk", e.getRecordKey())
                .setParameter("id", e.getId())
                .getSingleResult();
        long now = clock.millis();
        // Newer rows may already be pruned; a link confirmed after this change last failed means a
        // newer change of the record was delivered since.
        boolean deliveredSince = links.find(e.getRecordKey())
                .filter(l -> l.isConfirmed() && l.getUpdatedAt() > e.getLastAttemptAt())
                .isPresent();
        if (newer > 0 || deliveredSince) {
            e.setState(OutboxState.DONE);
            e.setDoneAt(now);
            e.setLastError("superseded by a newer change; not replayed. Was: " + e.getLastError());
            return ReplayResult.SUPERSEDED;
        }
        e.setState(OutboxState.PENDING);
        e.setAttempts(0);
        e.setNextAttemptAt(now);
        dispatcher.wake();
        return ReplayResult.QUEUED;
    }

    /** Drops a dead letter for good; returns false if there was none with that id. */
    public boolean discard(long id) {
        Optional<OutboxEntry> found = deadEntry(id);
        found.ifPresent(e -> {
            e.setState(OutboxState.DONE);
            e.setDoneAt(clock.millis());
            e.setLastError("discarded by an admin. Was: " + e.getLastError());
        });
        return found.isPresent();
    }

    /** Row counts per platform and state. */
    /** Whether a change of this record is queued or being sent (not yet delivered, dead or discarded). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean inFlight(String platform, EntityType type, String erpKey) {
        return em.createQuery(
                                "SELECT COUNT(e) FROM OutboxEntry e WHERE e.recordKey = :key AND e.state IN :open",
                                Long.class)
                        .setParameter("key", OutboxEntry.recordKey(platform, type.name(), erpKey))
                        .setParameter("open", List.of(OutboxState.PENDING, OutboxState.INFLIGHT))
                        .getSingleResult()
                > 0;
    }

    /** Whether a change of the record is being sent to the platform at this moment (claimed, in flight). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean sending(String platform, EntityType type, String erpKey) {
        return em.createQuery(
                                "SELECT COUNT(e) FROM OutboxEntry e WHERE e.recordKey = :key AND e.state = :inflight",
                                Long.class)
                        .setParameter("key", OutboxEntry.recordKey(platform, type.name(), erpKey))
                        .setParameter("inflight", OutboxState.INFLIGHT)
                        .getSingleResult()
                > 0;
    }

    public Map<String, Map<String, Long>> depth() {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT e.platform, e.state, COUNT(e) FROM OutboxEntry e GROUP BY e.platform, e.state",
                        Object[].class)
                .getResultList()) {
            result.computeIfAbsent((String) row[0], p -> new LinkedHashMap<>())
                    .put(row[1].toString(), ((Number) row[2]).longValue());
        }
        return result;
    }

    private Optional<OutboxEntry> deadEntry(long id) {
        OutboxEntry e = em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        return e != null && e.getState() == OutboxState.DEAD ? Optional.of(e) : Optional.empty();
    }
}
