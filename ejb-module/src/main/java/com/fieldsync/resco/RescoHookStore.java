package com.fieldsync.resco;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The registered webhooks' rows, each write committed on its own. */
@Stateless
public class RescoHookStore {

    @PersistenceContext(unitName = "fieldsync")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<RescoHook> find(String entitySet, String action) {
        return Optional.ofNullable(em.find(RescoHook.class, RescoHook.key(entitySet, action)));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RescoHook> all() {
        return em.createQuery("SELECT h FROM RescoHook h ORDER BY h.hookKey", RescoHook.class)
                .getResultList();
    }

    /** The hooks whose callbacks name this entity set. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<RescoHook> forEntitySet(String entitySet) {
        return em.createQuery("SELECT h FROM RescoHook h WHERE h.entitySet = :set", RescoHook.class)
                .setParameter("set", entitySet)
                .getResultList();
    }

    /** Stores a registered hook, replacing the row of an earlier one for the same entity set and action. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void save(RescoHook hook) {
        RescoHook old = em.find(RescoHook.class, hook.getHookKey());
        if (old != null) {
            em.remove(old);
            em.flush();
        }
        em.persist(hook);
    }

    /** Forgets a hook, if its row still describes the one at {@code location}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forget(String hookKey, String location) {
        RescoHook h = em.find(RescoHook.class, hookKey);
        if (h != null && h.getLocation().equals(location)) {
            em.remove(h);
        }
    }
}
