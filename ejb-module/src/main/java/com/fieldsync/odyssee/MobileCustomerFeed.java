package com.fieldsync.odyssee;

import com.fieldsync.erp.CustomerCreatedOnMobile;
import com.fieldsync.erp.EntityType;
import com.fieldsync.inbound.Delivery;
import com.fieldsync.inbound.FeedException;
import com.fieldsync.inbound.FeedRow;
import com.fieldsync.inbound.MobileCustomers;
import com.fieldsync.links.LinkStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Customers born on mobile: {@code Company} rows with an empty {@code code}. Each is handed to the
 * ERP as {@link CustomerCreatedOnMobile}; the key the ERP assigns is linked to the record and queued
 * as an ordinary CUSTOMER change, whose push writes it into {@code code}. From then on the row no
 * longer matches this feed's filter, so the write-back cannot come back as a new mobile customer.
 */
@ApplicationScoped
public class MobileCustomerFeed extends ExportFeed {

    static final String NAME = "odyssee.mobile-customers";

    @Inject
    LinkStore links;

    @Inject
    MobileCustomers customers;

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
        return new Delivery.Apply(row.id(), null, () -> customers.create(event));
    }
}
