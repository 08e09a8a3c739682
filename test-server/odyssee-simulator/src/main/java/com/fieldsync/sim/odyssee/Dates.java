package com.fieldsync.sim.odyssee;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Odyssee's datetime wire format: UTC, millisecond precision, {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}. */
final class Dates {
    static final String DEFAULT = "1980-01-01T00:00:00.000Z";

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Dates() {}

    static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Reads what clients are known to send: with or without millis, with {@code Z}, an offset, or no zone at all
     * (which Odyssee takes as UTC), or a bare date.
     */
    static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            // fall through to the zone-less forms
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
            // fall through
        }
        try {
            return Optional.of(
                    LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException notDate) {
            return Optional.empty();
        }
    }
}
