package com.fieldsync.inbound;

import com.fieldsync.erp.CustomerCreatedOnMobile;
import com.fieldsync.erp.EntityType;
import com.fieldsync.erp.ErpChange;
import com.fieldsync.erp.FieldSync;
import com.fieldsync.links.Link;
import com.fieldsync.links.LinkStore;
import com.fieldsync.outbox.OutboxAdmin;
import com.fieldsync.outbox.OutboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Customers born on mobile, for every platform: the ERP creates the customer and assigns its key;
 * in the same transaction FieldSync links the platform's record to that key and queues an ordinary
 * CUSTOMER change, whose push writes the key into the record (Odyssee's {@code code}, Resco's
 * mapped key attribute). The record is never created twice, and the write-back is FieldSync's own
 * change, not a new mobile one.
 */
@ApplicationScoped
public class MobileCustomers {

    private static final Logger LOG = Logger.getLogger(MobileCustomers.class.getName());

    @Inject
    LinkStore links;

    @Inject
    FieldSync fieldSync;

    @Inject
    OutboxAdmin outbox;

    @Inject
    Event<CustomerCreatedOnMobile> created;

    @Inject
    Clock clock;

    /** In the delivering transaction: the ERP creates the customer, FieldSync links and writes the key back. */
    public void create(CustomerCreatedOnMobile event) {
        created.fire(event);
        String platform = event.platform();
        String key = event.assignedKey()
                .orElseThrow(() -> new IllegalStateException("the observer of CustomerCreatedOnMobile for " + platform
                        + " record " + event.remoteId() + " assigned no ERP key; it comes again later"));
        String recordKey = OutboxEntry.recordKey(platform, EntityType.CUSTOMER.name(), key);
        Optional<Link> existing = links.find(recordKey);
        if (existing.isPresent()
                && existing.get().getRemoteId() != null
                && !existing.get().getRemoteId().equalsIgnoreCase(event.remoteId())) {
            LOG.warning(() -> "FieldSync: the ERP matched " + platform + " record " + event.remoteId() + " to customer "
                    + key + ", which " + platform + " already holds as "
                    + existing.get().getRemoteId()
                    + "; the mobile record keeps no ERP key: merge the two on " + platform);
            return;
        }
        // Linked with no hash of what was sent: the queued change below is pushed as an update of
        // this record, and that update writes the key into it.
        links.confirm(
                recordKey, platform, EntityType.CUSTOMER.name(), key, event.remoteId(), null, null, clock.millis());
        if (!outbox.inFlight(platform, EntityType.CUSTOMER, key)) {
            // the ERP did not queue its new customer itself (in this transaction): queue what mobile sent
            fieldSync.enqueue(ErpChange.upsert(EntityType.CUSTOMER, key, event.fields()));
        }
    }
}
