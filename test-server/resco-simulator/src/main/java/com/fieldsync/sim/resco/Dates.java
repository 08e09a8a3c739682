package com.fieldsync.sim.resco;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Resco's {@code Edm.DateTimeOffset} wire format: UTC with seven fractional digits (.NET ticks), e.g. {@code
 * 2019-06-18T12:49:34.0000000Z}.
 */
final class Dates {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Dates() {}

    static String format(Instant instant) {
        // .NET ticks are 100 ns: finer digits would not survive a round trip through the real service
        return FORMAT.format(instant.minusNanos(instant.getNano() % 100));
    }

    /** Reads ISO-8601 with an offset or {@code Z}, without a zone (taken as UTC), or a bare date (midnight UTC). */
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
