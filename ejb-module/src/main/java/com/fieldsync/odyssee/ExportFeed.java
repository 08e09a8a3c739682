package com.fieldsync.odyssee;

import com.fieldsync.config.Settings;
import com.fieldsync.inbound.ErpObservers;
import com.fieldsync.inbound.FeedException;
import com.fieldsync.inbound.FeedPage;
import com.fieldsync.inbound.FeedRow;
import com.fieldsync.inbound.InboundFeed;
import com.fieldsync.odyssee.api.ListPage;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Odyssee export feeds share: settings, and reading one controller by {@code
 * modified_dateutc ge …} in (modified_dateutc, id) order, pages of Odyssee's size, links followed as
 * given.
 */
abstract class ExportFeed implements InboundFeed {

    static final String ORDER = "modified_dateutc asc,id asc";

    @Inject
    Settings settings;

    @Inject
    OdysseeReader reader;

    @Inject
    Clock clock;

    @Inject
    ErpObservers observers;

    /**
     * Until the ERP observes the event, the feed waits: its items stay on the platform, nothing is
     * consumed into nothing.
     *
     * @param what the items, for the message ("approval PDFs")
     */
    void requireObserver(Object event, String what) throws FeedException {
        observers.require(event, what, "Odyssee");
    }

    /** The controller read. */
    abstract String controller();

    /** The filter besides the modification time, e.g. {@code is_daily_approval eq false}; null for none. */
    abstract String filter();

    /** {@code $select}, null for all listed columns. */
    String select() {
        return null;
    }

    @Override
    public boolean enabled() {
        return OdysseeExportSettings.from(settings).enabled();
    }

    @Override
    public Optional<String> configurationProblem() {
        return OdysseeExportSettings.from(settings).problem(settings);
    }

    @Override
    public Instant startFrom() {
        Instant configured = OdysseeExportSettings.from(settings).startFrom();
        return configured != null ? configured : clock.instant().minus(lookBack());
    }

    @Override
    public Duration lookBack() {
        return OdysseeExportSettings.from(settings).lookBack();
    }

    @Override
    public FeedPage fetch(Instant from, String nextLink) throws FeedException {
        String since = "modified_dateutc ge " + OdysseeDates.literal(from);
        String filter = filter() == null ? since : filter() + " and " + since;
        ListPage page = reader.page(controller(), filter, select(), ORDER, nextLink);
        List<FeedRow> rows = new ArrayList<>();
        for (Map<String, Object> row : page.value) {
            rows.add(row(row));
        }
        return new FeedPage(rows, page.nextLink);
    }

    @Override
    public Optional<FeedRow> reload(String id) throws FeedException {
        Optional<Map<String, Object>> row = reader.get(controller(), id);
        return row.isPresent() ? Optional.of(row(row.get())) : Optional.empty();
    }

    /** A row that cannot be placed in the feed's order stops the feed, naming it: never skipped silently. */
    FeedRow row(Map<String, Object> row) throws FeedException {
        String id = OdysseeReader.text(row, "id");
        String modified = OdysseeReader.text(row, "modified_dateutc");
        Optional<Instant> at = OdysseeDates.parse(modified);
        if (id.isEmpty() || at.isEmpty()) {
            throw new FeedException(
                    controller() + " row '" + id + "' has no usable id or modified_dateutc ('" + modified
                            + "'); the feed waits until it is fixed on the Odyssee side",
                    false,
                    null);
        }
        return new FeedRow(id, at.get(), row);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(FeedRow row) {
        return (Map<String, Object>) row.data();
    }
}
