package com.fieldsync.sim.resco;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code Edm.Guid} syntax; stored lower-case so that comparisons are case-insensitive, as in SQL Server. */
final class Guids {
    // UUID.fromString accepts "1-2-3-4-5", which no real GUID column would
    static final Pattern PATTERN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Guids() {}

    static boolean isGuid(String s) {
        return s != null && PATTERN.matcher(s).matches();
    }

    static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String random() {
        return UUID.randomUUID().toString();
    }
}
