package com.fieldsync.resco;

import com.fieldsync.config.Settings;
import com.fieldsync.erp.CustomerCreatedOnMobile;
import com.fieldsync.erp.EntityType;
import com.fieldsync.erp.RecordChangedOnMobile;
import com.fieldsync.inbound.Delivery;
import com.fieldsync.inbound.ErpObservers;
import com.fieldsync.inbound.FeedException;
import com.fieldsync.inbound.FeedPage;
import com.fieldsync.inbound.FeedRow;
import com.fieldsync.inbound.InboundFeed;
import com.fieldsync.inbound.MobileCustomers;
import com.fieldsync.links.Link;
import com.fieldsync.links.LinkStore;
import com.fieldsync.outbox.OutboxAdmin;
import com.fieldsync.outbox.OutboxEntry;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes made on Resco to the records of one mapped ERP kind, back to the ERP: read by {@code
 * modifiedon ge …} in ({@code modifiedon}, {@code id}) order, pages of up to 1000 followed by
 * {@code @odata.nextLink}, and by id when a webhook says a record changed. Each record version is
 * delivered once as {@link RecordChangedOnMobile} (never an older one after a newer); values FieldSync
 * itself sent, or already delivered, are not. A customer created on Resco becomes {@link
 * CustomerCreatedOnMobile}; other records created there are reported, not guessed at.
 */
abstract class RescoFeed implements InboundFeed {

    static final String ORDER = "modifiedon asc,id asc";

    @Inject
    Settings settings;

    @Inject
    RescoClients clients;

    @Inject
    RescoDiscovery discovery;

    @Inject
    LinkStore links;

    @Inject
    MobileCustomers customers;

    @Inject
    OutboxAdmin outbox;

    @Inject
    ErpObservers observers;

    @Inject
    Event<RecordChangedOnMobile> changed;

    @Inject
    Clock clock;

    /** The ERP kind this feed reads. */
    abstract EntityType type();

    /** The feed's name for an ERP kind: its cursor, lease and items are kept under it. */
    static String name(EntityType type) {
        return RescoConnector.PLATFORM + "." + type.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String name() {
        return name(type());
    }

    @Override
    public int order() {
        // customers first: contacts and work orders refer to them
        return 100 + type().ordinal();
    }

    @Override
    public boolean enabled() {
        return settings.bool(RescoSettings.ENABLED, false)
                && settings.bool(RescoSettings.INBOUND_ENABLED, true)
                && RescoMapping.from(settings).of(type()).isPresent();
    }

    @Override
    public Optional<String> configurationProblem() {
        return RescoSettings.from(settings).problem();
    }

    @Override
    public Instant startFrom() {
        Instant configured = RescoSettings.from(settings).startFrom();
        return configured != null ? configured : clock.instant().minus(lookBack());
    }

    @Override
    public Duration lookBack() {
        return RescoSettings.from(settings).lookBack();
    }

    @Override
    public FeedPage fetch(Instant from, String nextLink) throws FeedException {
        RescoSettings s = usable();
        RescoMapping.EntityMap m = mapping(s);
        RescoReader.Page page =
                clients.reader(s).page(m.entitySet(), select(m), "modifiedon ge " + from, ORDER, nextLink);
        List<FeedRow> rows = new ArrayList<>(page.rows().size());
        for (JsonObject row : page.rows()) {
            rows.add(row(m, row));
        }
        return new FeedPage(rows, page.nextLink());
    }

    @Override
    public Optional<FeedRow> reload(String id) throws FeedException {
        RescoSettings s = usable();
        RescoMapping.EntityMap m = mapping(s);
        Optional<JsonObject> row = clients.reader(s).get(m.entitySet(), id, select(m));
        return row.isPresent() ? Optional.of(row(m, row.get())) : Optional.empty();
    }

    @Override
    public Delivery prepare(FeedRow row) throws FeedException {
        RescoMapping.EntityMap m = mapping(RescoSettings.from(settings));
        JsonObject record = (JsonObject) row.data();
        String id = row.id();
        long version = record.get("versionnumber") instanceof JsonNumber n ? n.longValue() : 0;
        Optional<String> linked = links.erpKeyOfAny(RescoConnector.PLATFORM, type().name(), id);
        String key = linked.orElseGet(() -> RescoRecords.keyOf(m, record));
        if (!key.isEmpty() && outbox.sending(RescoConnector.PLATFORM, type(), key)) {
            // FieldSync is writing this very record right now: Resco may show that write before
            // the link records its hash. Read it again once the write is confirmed (checked before
            // the link is read, so a write that completes meanwhile has left its hash there).
            return new Delivery.Later(id, "FieldSync is writing " + m.entitySet() + " " + id + " right now");
        }
        Map<String, String> fields = RescoRecords.fields(
                m, record, (type, remote) -> links.erpKeyOf(RescoConnector.PLATFORM, type.name(), remote));
        if (key.isEmpty()) {
            if (type() == EntityType.CUSTOMER) {
                CustomerCreatedOnMobile event = new CustomerCreatedOnMobile(RescoConnector.PLATFORM, id, fields);
                observers.require(event, "customers created on mobile", "Resco");
                return new Delivery.Apply(id, version, null, () -> customers.create(event));
            }
            return new Delivery.Report(
                    id,
                    m.entitySet() + " " + id + " was created on Resco and is not linked to any ERP " + type()
                            + "; FieldSync creates only customers from mobile"
                            + m.key()
                                    .map(a -> " (or fill " + a.attribute() + " with the ERP key)")
                                    .orElse(""));
        }
        String hash = RescoRecords.inboundHash(m, record);
        String recordKey = OutboxEntry.recordKey(RescoConnector.PLATFORM, type().name(), key);
        Optional<Link> link = links.find(recordKey);
        if (link.isPresent() && !link.get().isConfirmed()) {
            // FieldSync's create went out and its outcome is unknown (a dropped answer): the retry
            // reads the record and PATCHes the ERP's values over it, whatever this row says.
            return new Delivery.Skip(id);
        }
        if (link.isPresent() && hash.equals(link.get().getLastHash())) {
            return new Delivery.Skip(id); // what FieldSync sent, or already delivered: nothing new for the ERP
        }
        RecordChangedOnMobile event =
                new RecordChangedOnMobile(RescoConnector.PLATFORM, type(), key, id, version, fields);
        observers.require(event, "changes made on mobile", "Resco");
        return new Delivery.Apply(id, version, key, () -> {
            changed.fire(event);
            // Resco holds these values and so, now, does the ERP: an ERP change carrying them back
            // is no change for Resco.
            links.confirm(recordKey, RescoConnector.PLATFORM, type().name(), key, id, hash, null, clock.millis());
        });
    }

    private RescoSettings usable() throws FeedException {
        RescoSettings s = RescoSettings.from(settings);
        if (s.problem().isPresent()) {
            throw new FeedException("not configured: " + s.problem().get(), false, null);
        }
        Optional<String> drift = discovery.problem(s);
        if (drift.isPresent()) {
            throw new FeedException(drift.get(), false, null);
        }
        return s;
    }

    private RescoMapping.EntityMap mapping(RescoSettings s) throws FeedException {
        return s.mapping()
                .of(type())
                .orElseThrow(() -> new FeedException(type() + " is no longer mapped to Resco", false, null));
    }

    private static String select(RescoMapping.EntityMap m) {
        StringBuilder select = new StringBuilder("id,modifiedon,versionnumber");
        for (RescoMapping.Attr a : m.attributes()) {
            select.append(',').append(a.attribute());
        }
        return select.toString();
    }

    /**
     * A row that cannot be placed in the feed's order stops the feed, naming it: never skipped
     * silently. Times are cut to milliseconds, the precision the cursor keeps.
     */
    private FeedRow row(RescoMapping.EntityMap m, JsonObject row) throws FeedException {
        String id = RescoReader.text(row, "id");
        String modified = RescoReader.text(row, "modifiedon");
        try {
            Instant at = OffsetDateTime.parse(modified).toInstant().truncatedTo(ChronoUnit.MILLIS);
            if (id.isEmpty()) {
                throw new DateTimeParseException("no id", modified, 0);
            }
            return new FeedRow(id, at, row);
        } catch (DateTimeParseException e) {
            throw new FeedException(
                    m.entitySet() + " row '" + id + "' has no usable id or modifiedon ('" + modified
                            + "'); the feed waits until it is fixed on the Resco side",
                    false,
                    null);
        }
    }
}
