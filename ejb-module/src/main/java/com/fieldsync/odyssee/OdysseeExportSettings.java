package com.fieldsync.odyssee;

import com.fieldsync.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the Odyssee export feeds (mobile → ERP).
 *
 * @param startFrom where a new feed starts reading; null: when the feed is first polled
 */
record OdysseeExportSettings(boolean enabled, Instant startFrom, Duration lookBack, List<String> problems) {

    static final String ENABLED = "fieldsync.odyssee.export.enabled";
    static final String START_FROM = "fieldsync.odyssee.export.start-from";
    static final String LOOK_BACK = "fieldsync.odyssee.export.look-back-seconds";

    static OdysseeExportSettings from(Settings s) {
        List<String> problems = new ArrayList<>();
        Instant start = null;
        Optional<String> text = s.string(START_FROM);
        if (text.isPresent()) {
            try {
                start = Instant.parse(text.get().trim());
            } catch (DateTimeParseException e) {
                problems.add(START_FROM + " must be an ISO-8601 UTC instant such as 2024-01-01T00:00:00Z, not '"
                        + text.get() + "'");
            }
        }
        s.problem(LOOK_BACK, 120, 0, 86_400).ifPresent(problems::add);
        boolean enabled = s.bool(OdysseeSettings.ENABLED, true) && s.bool(ENABLED, true);
        return new OdysseeExportSettings(
                enabled, start, Duration.ofSeconds(s.integer(LOOK_BACK, 120, 0, 86_400)), List.copyOf(problems));
    }

    /** The connector's own problems and these, or empty. */
    Optional<String> problem(Settings s) {
        List<String> all = new ArrayList<>(OdysseeSettings.from(s).problems());
        all.addAll(problems);
        return all.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", all));
    }
}
