package com.fieldsync.odyssee;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Odyssee's datetimes: {@code YYYY-MM-DDThh:mm:ss.fff[Z]}, always UTC, milliseconds. */
final class OdysseeDates {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private OdysseeDates() {}

    /** The instant, or empty if the text is not a datetime. A missing zone means UTC. */
    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Optional.of(Instant.parse(t.substring(0, t.length() - 1) + "Z"));
            }
            if (t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return Optional.of(java.time.OffsetDateTime.parse(t).toInstant());
            }
            return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The literal for a {@code $filter}: {@code '2015-07-14T13:08:00.000Z'}. */
    static String literal(Instant instant) {
        return "'" + FORMAT.format(instant) + "'";
    }
}
