package com.fieldsync.sim.common;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** GUID syntax as both platforms write it; stored lower-case so that comparisons are case-insensitive. */
public final class Guids {
    /** The all-zero GUID, which Odyssee writes for "none". */
    public static final String ZERO = "00000000-0000-0000-0000-000000000000";

    /** A GUID in its 8-4-4-4-12 hex form, either case. */
    // UUID.fromString accepts "1-2-3-4-5", which no real GUID column would
    public static final Pattern PATTERN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Guids() {}

    public static boolean isGuid(String s) {
        return s != null && PATTERN.matcher(s).matches();
    }

    public static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }
}
