package com.fieldsync.links;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;

/** Reads and writes links, each write committed on its own before or after a remote call. */
@Stateless
public class LinkStore {

    @PersistenceContext(unitName = "fieldsync")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Link> find(String recordKey) {
        return Optional.ofNullable(em.find(Link.class, recordKey));
    }

    /**
     * The confirmed platform id of a record, if the platform is known to hold it. An unconfirmed
     * link is not good enough to reference: the create may not have happened.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> confirmedRemoteId(String recordKey) {
        return find(recordKey).filter(Link::isConfirmed).map(Link::getRemoteId);
    }

    /**
     * The ERP key of the record the platform holds under {@code remoteId}, if FieldSync created or
     * adopted it (a confirmed link). GUIDs are compared ignoring case.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> erpKeyOf(String platform, String entityType, String remoteId) {
        return erpKeyOf(platform, entityType, remoteId, true);
    }

    /**
     * Like {@link #erpKeyOf(String, String, String)}, but also for a create in flight (a reserved,
     * unconfirmed link): the platform may already show the record FieldSync is creating.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<String> erpKeyOfAny(String platform, String entityType, String remoteId) {
        return erpKeyOf(platform, entityType, remoteId, false);
    }

    private Optional<String> erpKeyOf(String platform, String entityType, String remoteId, boolean confirmedOnly) {
        if (remoteId == null || remoteId.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery(
                        "SELECT l.erpKey FROM Link l WHERE l.platform = :platform AND l.entityType = :type"
                                + " AND l.remoteId IN (:asGiven, :lower, :upper)"
                                + (confirmedOnly ? " AND l.confirmed = TRUE" : ""),
                        String.class)
                .setParameter("platform", platform)
                .setParameter("type", entityType)
                .setParameter("asGiven", remoteId)
                .setParameter("lower", remoteId.toLowerCase(Locale.ROOT))
                .setParameter("upper", remoteId.toUpperCase(Locale.ROOT))
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * Commits a link with a reserved remote id <em>before</em> the create is sent, so that after a
     * crash the next attempt knows the create may have happened and checks instead of repeating it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Link reserve(
            String recordKey, String platform, String entityType, String erpKey, String remoteId, long now) {
        Link existing = em.find(Link.class, recordKey);
        if (existing != null) {
            return existing;
        }
        Link link = new Link(recordKey, platform, entityType, erpKey, remoteId, now);
        em.persist(link);
        return link;
    }

    /** Records what the platform confirmed; joins the caller's transaction (which marks rows done). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void confirm(
            String recordKey,
            String platform,
            String entityType,
            String erpKey,
            String remoteId,
            String hash,
            String payload,
            long now) {
        Link link = em.find(Link.class, recordKey);
        if (link == null) {
            link = new Link(recordKey, platform, entityType, erpKey, remoteId, now);
            em.persist(link);
        }
        link.confirm(remoteId, hash, payload, now);
    }
}
