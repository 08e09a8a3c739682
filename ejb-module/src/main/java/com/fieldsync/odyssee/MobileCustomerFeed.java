package com.fieldsync.odyssee;

import com.fieldsync.erp.CustomerCreatedOnMobile;
import com.fieldsync.erp.EntityType;
import com.fieldsync.erp.ErpChange;
import com.fieldsync.erp.FieldSync;
import com.fieldsync.inbound.Delivery;
import com.fieldsync.inbound.FeedException;
import com.fieldsync.inbound.FeedRow;
import com.fieldsync.links.Link;
import com.fieldsync.links.LinkStore;
import com.fieldsync.outbox.OutboxAdmin;
import com.fieldsync.outbox.OutboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Customers born on mobile: {@code Company} rows with an empty {@code code}. Each is handed to the
 * ERP as {@link CustomerCreatedOnMobile}; the key the ERP assigns is linked to the record and queued
 * as an ordinary CUSTOMER change, whose push writes it into {@code code}. From then on the row no
 * longer matches this feed's filter, so the write-back cannot come back as a new mobile customer.
 */
@ApplicationScoped
public class MobileCustomerFeed extends ExportFeed {

    static final String NAME = "odyssee.mobile-customers";
    private static final Logger LOG = Logger.getLogger(MobileCustomerFeed.class.getName());

    @Inject
    LinkStore links;

    @Inject
    FieldSync fieldSync;

    @Inject
    OutboxAdmin outbox;

    @Inject
    Event<CustomerCreatedOnMobile> created;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int order() {
        return 5; // before jobs and approvals, which may refer to the customer's projects
    }

    @Override
    String controller() {
        return "Company";
    }

    @Override
    String filter() {
        return "code eq ''";
    }

    @Override
    public Delivery prepare(FeedRow row) throws FeedException {
        Map<String, Object> company = data(row);
        Optional<String> known = links.erpKeyOf(OdysseeConnector.PLATFORM, EntityType.CUSTOMER.name(), row.id());
        if (known.isPresent()) {
            return new Delivery.Skip(row.id()); // the ERP has it; the write-back is on its way
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : EntityType.CUSTOMER.fields()) {
            fields.put(field, OdysseeReader.text(company, field));
        }
        CustomerCreatedOnMobile event = new CustomerCreatedOnMobile(OdysseeConnector.PLATFORM, row.id(), fields);
        requireObserver(event, "customers created on mobile");
        return new Delivery.Apply(row.id(), null, () -> apply(event));
    }

    /** In the delivering transaction: the ERP creates the customer, FieldSync links and writes the key back. */
    private void apply(CustomerCreatedOnMobile event) {
        created.fire(event);
        String key = event.assignedKey()
                .orElseThrow(() -> new IllegalStateException("the observer of CustomerCreatedOnMobile for Odyssee"
                        + " company " + event.remoteId() + " assigned no ERP key; it comes again later"));
        String recordKey = OutboxEntry.recordKey(OdysseeConnector.PLATFORM, EntityType.CUSTOMER.name(), key);
        Optional<Link> existing = links.find(recordKey);
        if (existing.isPresent()
                && existing.get().getRemoteId() != null
                && !existing.get().getRemoteId().equalsIgnoreCase(event.remoteId())) {
            LOG.warning(() -> "FieldSync: the ERP matched Odyssee company " + event.remoteId() + " to customer " + key
                    + ", which Odyssee already holds as " + existing.get().getRemoteId()
                    + "; the mobile record keeps its empty code: merge the two on Odyssee");
            return;
        }
        // Linked with no hash of what was sent: the queued change below is pushed as an update of
        // this record, and that update writes the key into its code.
        links.confirm(
                recordKey,
                OdysseeConnector.PLATFORM,
                EntityType.CUSTOMER.name(),
                key,
                event.remoteId(),
                null,
                null,
                clock.millis());
        if (!outbox.inFlight(OdysseeConnector.PLATFORM, EntityType.CUSTOMER, key)) {
            // the ERP did not queue its new customer itself (in this transaction): queue what mobile sent
            fieldSync.enqueue(ErpChange.upsert(EntityType.CUSTOMER, key, event.fields()));
        }
    }
}
