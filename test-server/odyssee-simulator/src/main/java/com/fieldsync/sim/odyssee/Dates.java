package com.fieldsync.sim.odyssee;

import com.fieldsync.sim.common.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Odyssee's datetime wire format: UTC, millisecond precision, {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}. Reading what
 * clients send (with or without millis, {@code Z}, an offset, no zone at all, which Odyssee takes as UTC, or a bare
 * date) is {@link Timestamps#parse}.
 */
final class Dates {
    static final String DEFAULT = "1980-01-01T00:00:00.000Z";

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Dates() {}

    static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
