package com.fieldsync.outbox;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Inserts outbox rows in the caller's (the ERP's) transaction. An EJB on purpose: in an EAR the
 * ERP's code lives in another module, and FieldSync's persistence unit is visible only from the
 * EJB module that defines it; calling through this bean switches to that module's context.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OutboxWriter {

    @PersistenceContext(unitName = "fieldsync")
    EntityManager em;

    public void persist(OutboxEntry entry) {
        em.persist(entry);
    }
}
