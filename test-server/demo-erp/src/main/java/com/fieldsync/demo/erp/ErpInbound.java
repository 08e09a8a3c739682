package com.fieldsync.demo.erp;

import com.fieldsync.erp.ApprovalPdf;
import com.fieldsync.erp.CustomerCreatedOnMobile;
import com.fieldsync.erp.EntityType;
import com.fieldsync.erp.RecordChangedOnMobile;
import com.fieldsync.erp.WorkOrderCompleted;
import com.fieldsync.erp.WorkOrderStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * How the demo ERP takes work back from mobile: it observes FieldSync's events and books them in
 * the transaction FieldSync runs them in, like an ERP's invoicing would. {@link #failNext(int)}
 * plays an ERP that throws, to show that a failure means "again later", not "lost".
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ErpInbound {

    private static final Logger LOG = Logger.getLogger(ErpInbound.class.getName());

    @PersistenceContext(unitName = "demo-erp")
    EntityManager em;

    @Inject
    ErpService erp;

    private final AtomicInteger failures = new AtomicInteger();

    void onCompleted(@Observes WorkOrderCompleted done) {
        failIfAsked("work order " + done.workOrderKey() + " (approval " + done.approvalId() + ")");
        String workOrder = done.workOrderKey().isEmpty() ? "MOBILE-" + done.jobId() : done.workOrderKey();
        em.persist(new Completion(
                done.approvalId(),
                workOrder,
                Completion.Kind.COMPLETED,
                done.jobId(),
                String.valueOf(done.approvedAt())));
        for (WorkOrderCompleted.MaterialUsed m : done.materials()) {
            em.persist(new Completion(
                    done.approvalId(),
                    workOrder,
                    Completion.Kind.MATERIAL,
                    m.articleKey(),
                    m.quantity().toPlainString()));
        }
        for (WorkOrderCompleted.TimeSpent t : done.time()) {
            em.persist(new Completion(
                    done.approvalId(),
                    workOrder,
                    Completion.Kind.TIME,
                    t.userKey(),
                    t.hours().toPlainString()));
        }
        WorkOrder order = em.find(WorkOrder.class, workOrder);
        if (order != null) {
            order.statusFromMobile("COMPLETED");
        }
        LOG.fine(() -> "demo ERP booked " + workOrder + " from approval " + done.approvalId());
    }

    /** A technician moved a work order: the ERP's record follows (without telling FieldSync again). */
    void onStatus(@Observes WorkOrderStatusChanged change) {
        WorkOrder order = em.find(WorkOrder.class, change.workOrderKey());
        if (order != null) {
            order.statusFromMobile(change.to().name());
        }
    }

    /** A customer created on mobile becomes an ERP customer with the ERP's own numbering. */
    void onMobileCustomer(@Observes CustomerCreatedOnMobile created) {
        failIfAsked("customer " + created.fields().get("name") + " from mobile");
        String key = "MOB-" + created.remoteId().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        erp.save(EntityType.CUSTOMER, key, new java.util.HashMap<>(created.fields()));
        created.assignKey(key);
    }

    /**
     * A record edited on mobile: the ERP takes the values, and saves the record the ordinary way,
     * which tells FieldSync again (FieldSync sees that the platform already holds them). The line
     * records the delivery, so a test sees each version arrive once.
     */
    void onMobileChange(@Observes RecordChangedOnMobile change) {
        failIfAsked(change.type() + " " + change.erpKey() + " from mobile");
        em.persist(new Completion(
                change.remoteId() + "@" + change.version(),
                change.erpKey(),
                Completion.Kind.MOBILE_CHANGE,
                change.type().name(),
                String.valueOf(change.version())));
        erp.save(change.type(), change.erpKey(), new java.util.HashMap<>(change.fields()));
    }

    void onPdf(@Observes ApprovalPdf pdf) {
        failIfAsked("the PDF of approval " + pdf.approvalId());
        String workOrder = pdf.workOrderKey().isEmpty() ? "?" : pdf.workOrderKey();
        em.persist(new Completion(
                pdf.approvalId(),
                workOrder,
                Completion.Kind.PDF,
                pdf.fileName(),
                String.valueOf(pdf.content().length)));
    }

    /** The next {@code times} deliveries throw, rolling FieldSync's transaction back. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void failNext(int times) {
        failures.set(times);
    }

    /** How many of the asked failures have not happened yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int failuresLeft() {
        return failures.get();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Completion> lines() {
        return em.createQuery("SELECT c FROM Completion c ORDER BY c.id", Completion.class)
                .getResultList();
    }

    private void failIfAsked(String what) {
        if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new DemoRollback("simulated ERP failure while booking " + what);
        }
    }
}
