package com.fieldsync.sim.resco;

import com.fieldsync.sim.common.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Resco's {@code Edm.DateTimeOffset} wire format: UTC with seven fractional digits (.NET ticks), e.g. {@code
 * 2019-06-18T12:49:34.0000000Z}. Reading what clients send is {@link Timestamps#parse}.
 */
final class Dates {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Dates() {}

    static String format(Instant instant) {
        // .NET ticks are 100 ns: finer digits would not survive a round trip through the real service
        return FORMAT.format(instant.minusNanos(instant.getNano() % 100));
    }
}
