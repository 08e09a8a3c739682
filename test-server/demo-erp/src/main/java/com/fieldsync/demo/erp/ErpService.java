package com.fieldsync.demo.erp;

import com.fieldsync.erp.EntityType;
import com.fieldsync.erp.ErpChange;
import com.fieldsync.erp.FieldSync;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The demo ERP's business logic. The only FieldSync-specific line is the {@code changes.fire(…)}
 * after each save: it runs in the save's transaction.
 */
@Stateless
public class ErpService {

    @PersistenceContext(unitName = "demo-erp")
    EntityManager em;

    @Inject
    Event<ErpChange> changes;

    @Inject
    FieldSync fieldSync;

    /** Creates or updates a record and tells FieldSync, in one transaction. */
    public ErpRecord save(EntityType type, String key, Map<String, Object> values) {
        ErpRecord record = em.find(entityClass(type), key);
        if (record == null) {
            record = newRecord(type, key);
            em.persist(record);
        }
        record.apply(values);
        record.touch();
        changes.fire(ErpChange.upsert(type, key, record.syncedFields()));
        return record;
    }

    /** Saves, tells FieldSync, then fails: the ERP's transaction rolls back, and the change with it. */
    public void saveThenFail(EntityType type, String key, Map<String, Object> values) {
        save(type, key, values);
        throw new DemoRollback("simulated ERP failure after saving " + type + " " + key);
    }

    /** Calls FieldSync with no transaction, which it must refuse. */
    @TransactionAttribute(TransactionAttributeType.NEVER)
    public void enqueueWithoutTransaction(EntityType type, String key) {
        fieldSync.enqueue(ErpChange.upsert(type, key, Map.of("name", "no transaction")));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<? extends ErpRecord> all(EntityType type) {
        Class<? extends ErpRecord> c = entityClass(type);
        return em.createQuery("SELECT r FROM " + c.getSimpleName() + " r ORDER BY r.key", c)
                .getResultList();
    }

    private static ErpRecord newRecord(EntityType type, String key) {
        Function<String, ErpRecord> factory =
                switch (type) {
                    case CUSTOMER -> Customer::new;
                    case CONTACT -> Contact::new;
                    case PROJECT_TYPE -> ProjectType::new;
                    case PROJECT -> Project::new;
                    case ARTICLE_CATEGORY -> ArticleCategory::new;
                    case ARTICLE -> Article::new;
                    case USER -> Technician::new;
                    case WORK_ORDER -> WorkOrder::new;
                };
        return factory.apply(key);
    }

    static Class<? extends ErpRecord> entityClass(EntityType type) {
        return switch (type) {
            case CUSTOMER -> Customer.class;
            case CONTACT -> Contact.class;
            case PROJECT_TYPE -> ProjectType.class;
            case PROJECT -> Project.class;
            case ARTICLE_CATEGORY -> ArticleCategory.class;
            case ARTICLE -> Article.class;
            case USER -> Technician.class;
            case WORK_ORDER -> WorkOrder.class;
        };
    }
}
