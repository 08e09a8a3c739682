package com.fieldsync.outbox;

import com.fieldsync.connector.Connector;
import com.fieldsync.erp.ErpChange;
import com.fieldsync.erp.FieldSync;
import com.fieldsync.erp.NoTransactionException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;

/**
 * Writes ERP changes to the outbox inside the ERP's transaction, one row per enabled platform, and
 * wakes the dispatcher once that transaction has committed.
 */
@ApplicationScoped
public class OutboxRecorder implements FieldSync {

    private static final Object WAKE_REGISTERED = OutboxRecorder.class.getName() + ".wake";

    @EJB
    OutboxWriter writer;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Connectors connectors;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Clock clock;

    @Inject
    @Any
    Instance<ChangeGuard> guards;

    /** Observes {@link ErpChange} events fired by ERP code, synchronously, in its transaction. */
    void onErpChange(@Observes ErpChange change) {
        enqueue(change);
    }

    @Override
    public void enqueue(ErpChange change) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new NoTransactionException("FieldSync did not queue " + change.type() + " '" + change.erpKey()
                    + "': no active JTA transaction. Fire ErpChange or call FieldSync.enqueue inside the ERP"
                    + " transaction that changed the record (an EJB or @Transactional method), so the change"
                    + " is sent if and only if that transaction commits.");
        }
        for (ChangeGuard guard : guards) {
            guard.check(change);
        }
        String payload = PayloadCodec.write(change.fields());
        long now = clock.millis();
        for (Connector connector : connectors.enabled()) {
            if (!connector.handles(change.type())) {
                continue;
            }
            writer.persist(new OutboxEntry(
                    connector.platform(),
                    change.type().name(),
                    change.erpKey(),
                    change.kind().name(),
                    payload,
                    now));
        }
        wakeAfterCommit();
    }

    private void wakeAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.wake();
                }
            }
        });
    }
}
