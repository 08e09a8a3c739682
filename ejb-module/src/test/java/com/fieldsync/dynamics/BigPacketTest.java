package com.fieldsync.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 20 MB packet is read row by row: each row reaches the handler while the reader has read only a little further
 * than that row, so it never holds the packet, only the row at hand (the handler API gives it no other place).
 */
class BigPacketTest {
    private static final long TWENTY_MB = 20L * 1024 * 1024;
    private static final long ONE_MB = 1024 * 1024;

    @ParameterizedTest
    @EnumSource(PacketFormat.class)
    void aTwentyMegabytePacketIsReadRowByRowWithoutReadingAhead(PacketFormat format) throws Exception {
        GeneratedPacket packet = GeneratedPacket.ofSize(format, TWENTY_MB);
        long[] seen = {0};
        long[] furthestAhead = {0};

        SyncPacketReader.Summary summary = SyncPacketReader.read(packet, format, 2 * TWENTY_MB, (table, row) -> {
            long k = seen[0]++;
            assertEquals(GeneratedPacket.TABLE, table);
            assertEquals(RowStatus.INSERT, row.status());
            assertEquals(GeneratedPacket.rowId(k), row.rowId());
            assertEquals("C" + GeneratedPacket.rowId(k), row.field("No"));
            assertEquals(GeneratedPacket.name(k), row.field("Name"));
            assertEquals("0", row.state());
            furthestAhead[0] = Math.max(furthestAhead[0], packet.delivered() - packet.endOfRow(k));
        });

        assertEquals(packet.rows(), seen[0]);
        assertEquals(packet.rows(), summary.rows());
        assertEquals(GeneratedPacket.SALESMAN, summary.salesmanCode());
        assertEquals(packet.delivered(), summary.bytes());
        assertTrue(summary.bytes() >= TWENTY_MB, summary.bytes() + " bytes");
        // a reader that held the packet would be some 20 MB ahead when the first row arrives
        assertTrue(furthestAhead[0] < ONE_MB, "read " + furthestAhead[0] + " bytes ahead of the row handed over");
    }

    @ParameterizedTest
    @EnumSource(PacketFormat.class)
    void aPacketOverTheLimitIsRefusedWithoutReadingFurther(PacketFormat format) {
        GeneratedPacket endless = new GeneratedPacket(format, Long.MAX_VALUE);
        long[] seen = {0};

        PacketException refused = assertThrows(
                PacketException.class, () -> SyncPacketReader.read(endless, format, ONE_MB, (table, row) -> seen[0]++));

        assertTrue(refused.getMessage().contains("limit of " + ONE_MB + " bytes"), refused.getMessage());
        assertTrue(endless.delivered() <= ONE_MB + 1, endless.delivered() + " bytes taken");
        assertTrue(seen[0] > 0, "rows are handed over as they come, before the limit is reached");
    }
}
