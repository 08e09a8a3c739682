package com.fieldsync.sim.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reading the datetimes clients send; each simulator writes its own wire format. */
public final class Timestamps {
    private Timestamps() {}

    /**
     * Reads what clients are known to send: ISO-8601 with any fraction (or none) and {@code Z} or an offset, without a
     * zone (taken as UTC), or a bare date (midnight UTC); empty for anything else.
     */
    public static Optional<Instant> parse(String text) {
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
