package com.fieldsync.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writing packets: read back as written, in the simulator's shape, refusing what a format cannot carry. */
class SyncPacketWriterTest {

    /** What escaping and line-end handling could get wrong, in names, values and attributes. */
    static final SyncPacket TRICKY = SyncPacket.builder("S 01 & <Co> \"q\" 'a'")
            .row(
                    "Customer",
                    RowStatus.INSERT,
                    "DMS_ROWID",
                    "1",
                    "No",
                    "C1",
                    "Name",
                    "Smith & \"Sons\" <Ltd> 'x' ]]> &amp; &#13;",
                    "Note",
                    "line1\r\nline2\nline3\rend\ttab",
                    "Empty",
                    "",
                    "Blanks",
                    "  padded  ",
                    "Unicode",
                    "Grüße – 日本 😀",
                    "state",
                    "0")
            .row("Customer", RowStatus.UPDATE, "DMS_ROWID", "2", "Phone", null)
            .row("Customer", RowStatus.UPSERT, "DMS_ROWID", "3")
            .table("Sales & <Lines>")
            .row("Item", RowStatus.DELETE, "DMS_ROWID", "4")
            .build();

    /** The packet of the simulator's SyncPacketTest. */
    static final SyncPacket ORDER = SyncPacket.builder("S01")
            .row("Customer", RowStatus.INSERT, "No", "C1", "Name", "Smith & \"Sons\" <Ltd>")
            .row("Customer", RowStatus.UPDATE, "No", "C2", "Phone", null)
            .row("Customer", RowStatus.INSERT, "No", "C3")
            .row("Item", RowStatus.DELETE, "No", "I1")
            .build();

    static SyncPacket readBack(byte[] content, PacketFormat format) throws IOException, PacketException {
        return SyncPacketReader.readAll(new ByteArrayInputStream(content), format, content.length);
    }

    static List<List<String>> fieldOrder(SyncPacket packet) {
        List<List<String>> order = new ArrayList<>();
        packet.tables()
                .values()
                .forEach(rows ->
                        rows.forEach(row -> order.add(List.copyOf(row.fields().keySet()))));
        return order;
    }

    @ParameterizedTest
    @EnumSource(PacketFormat.class)
    void whatIsWrittenIsReadBackIdentically(PacketFormat format) throws Exception {
        SyncPacket read = readBack(SyncPacketWriter.toBytes(TRICKY, format), format);

        assertEquals(TRICKY, read);
        assertEquals(
                List.copyOf(TRICKY.tables().keySet()), List.copyOf(read.tables().keySet()));
        assertEquals(fieldOrder(TRICKY), fieldOrder(read));
        assertEquals(
                "line1\r\nline2\nline3\rend\ttab", read.rows("Customer").get(0).field("Note"));
        assertNull(read.rows("Customer").get(1).field("Phone"));
        assertEquals(RowStatus.UPSERT, read.rows("Customer").get(2).status());
        assertTrue(read.rows("Sales & <Lines>").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(PacketFormat.class)
    void aPacketWithoutSalesmanOrTablesIsReadBackToo(PacketFormat format) throws Exception {
        SyncPacket empty = SyncPacket.builder(null).build();

        assertEquals(empty, readBack(SyncPacketWriter.toBytes(empty, format), format));
    }

    @Test
    void theXmlIsNavMobileSyncWithStatusesInLowerCaseAndUpsertsWithout() {
        SyncPacket packet = SyncPacket.builder("S01")
                .row("Customer", RowStatus.INSERT, "No", "C1", "Name", "Smith & \"Sons\" <Ltd>")
                .row("Customer", RowStatus.UPSERT, "No", "C2", "Empty", "")
                .row("Item", RowStatus.DELETE, "No", "I1")
                .build();

        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><NavMobileSync salesmancode=\"S01\">"
                        + "<table tablename=\"Customer\">"
                        + "<r status=\"insert\"><No>C1</No><Name>Smith &amp; \"Sons\" &lt;Ltd&gt;</Name></r>"
                        + "<r><No>C2</No><Empty></Empty></r></table>"
                        + "<table tablename=\"Item\"><r status=\"delete\"><No>I1</No></r></table></NavMobileSync>",
                new String(SyncPacketWriter.toBytes(packet, PacketFormat.XML), StandardCharsets.UTF_8));
    }

    @Test
    void theJsonIsWhatTheSimulatorWrites() {
        // the simulator's SyncPacketTest.theBuilderWritesTheAssumedJsonShape
        assertEquals(
                "{\"salesmancode\":\"S01\",\"tables\":[{\"tablename\":\"Item\",\"rows\":"
                        + "[{\"status\":\"delete\",\"fields\":{\"No\":\"I1\"}}]}]}",
                new String(
                        SyncPacketWriter.toBytes(
                                SyncPacket.builder("S01")
                                        .row("Item", RowStatus.DELETE, "No", "I1")
                                        .build(),
                                PacketFormat.JSON),
                        StandardCharsets.UTF_8));
        assertEquals(
                "{\"tables\":[{\"tablename\":\"T\",\"rows\":[{\"fields\":{\"No\":\"1\"}}]}]}",
                new String(
                        SyncPacketWriter.toBytes(
                                SyncPacket.builder(null)
                                        .row("T", RowStatus.UPSERT, "No", "1")
                                        .build(),
                                PacketFormat.JSON),
                        StandardCharsets.UTF_8));
    }

    @Test
    void whatTheSimulatorWritesIsRead() throws Exception {
        // verbatim from the simulator's SyncPacketTest: its toXml() and toJson() of the same packet
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><NavMobileSync salesmancode=\"S01\">"
                + "<table tablename=\"Customer\">"
                + "<r status=\"insert\"><No>C1</No><Name>Smith &amp; &quot;Sons&quot; &lt;Ltd&gt;</Name></r>"
                + "<r status=\"update\"><No>C2</No></r>"
                + "<r status=\"insert\"><No>C3</No></r></table>"
                + "<table tablename=\"Item\"><r status=\"delete\"><No>I1</No></r></table></NavMobileSync>";
        String json = "{\"salesmancode\":\"S01\",\"tables\":[{\"tablename\":\"Customer\",\"rows\":["
                + "{\"status\":\"insert\",\"fields\":{\"No\":\"C1\",\"Name\":\"Smith & \\\"Sons\\\" <Ltd>\"}},"
                + "{\"status\":\"update\",\"fields\":{\"No\":\"C2\"}},"
                + "{\"status\":\"insert\",\"fields\":{\"No\":\"C3\"}}]},"
                + "{\"tablename\":\"Item\",\"rows\":[{\"status\":\"delete\",\"fields\":{\"No\":\"I1\"}}]}]}";

        assertEquals(ORDER, readBack(xml.getBytes(StandardCharsets.UTF_8), PacketFormat.XML));
        assertEquals(ORDER, readBack(json.getBytes(StandardCharsets.UTF_8), PacketFormat.JSON));
    }

    @Test
    void aPacketIsConvertedStreamingFromXmlToJson() throws Exception {
        byte[] xml = SyncPacketWriter.toBytes(TRICKY, PacketFormat.XML);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        SyncPacketWriter.PacketOutput[] output = {null};

        SyncPacketReader.read(new ByteArrayInputStream(xml), PacketFormat.XML, xml.length, new RowHandler() {
            @Override
            public void salesmanCode(String salesmanCode) {
                output[0] = unchecked(() -> SyncPacketWriter.open(json, PacketFormat.JSON, salesmanCode));
            }

            @Override
            public void table(String table) {
                unchecked(() -> {
                    output[0].table(table);
                    return null;
                });
            }

            @Override
            public void row(String table, SyncPacket.Row row) {
                unchecked(() -> {
                    output[0].row(row);
                    return null;
                });
            }
        });
        output[0].finish();

        assertArrayEquals(SyncPacketWriter.toBytes(TRICKY, PacketFormat.JSON), json.toByteArray());
    }

    @Test
    void theStreamingWriterKeepsThePacketWellFormedOrVisiblyIncomplete() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyncPacketWriter.PacketOutput output = SyncPacketWriter.open(out, PacketFormat.XML, "S01");
        SyncPacket.Row row = SyncPacket.Row.of(RowStatus.INSERT, "No", "1");

        assertThrows(IllegalStateException.class, () -> output.row(row));
        output.table("T");
        output.row(row);
        assertThrows(IllegalStateException.class, () -> output.table("T"));
        output.table("U");
        // abandoned here: not a packet that reads as complete
        PacketException incomplete =
                assertThrows(PacketException.class, () -> readBack(out.toByteArray(), PacketFormat.XML));
        assertTrue(incomplete.getMessage().contains("not well-formed XML"), incomplete.getMessage());

        output.finish();
        assertThrows(IllegalStateException.class, () -> output.row(row));
        assertThrows(IllegalStateException.class, output::finish);
        assertEquals(
                SyncPacket.builder("S01").row("T", row).table("U").build(),
                readBack(out.toByteArray(), PacketFormat.XML));
    }

    @Test
    void whatXmlCannotCarryIsRefusedNotAltered() throws Exception {
        SyncPacket.Row control = SyncPacket.Row.of(RowStatus.INSERT, "No", "1", "Name", "a\u0001b");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyncPacketWriter.PacketOutput output = SyncPacketWriter.open(out, PacketFormat.XML, "S01");
        output.table("T");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> output.row(control));
        assertTrue(
                refused.getMessage().contains("row 1 of table 'T': field 'Name' holds U+0001"), refused.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> output.row(SyncPacket.Row.of(RowStatus.INSERT, "No .", "1")));
        assertThrows(IllegalArgumentException.class, () -> output.row(SyncPacket.Row.of(RowStatus.INSERT, "1st", "1")));
        assertThrows(IllegalArgumentException.class, () -> output.table("Two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> SyncPacketWriter.open(out, PacketFormat.XML, "tab\tbed"));
        // nothing of a refused row was written: the packet goes on
        output.row(SyncPacket.Row.of(RowStatus.INSERT, "No", "2"));
        output.finish();
        assertEquals(
                SyncPacket.builder("S01").row("T", RowStatus.INSERT, "No", "2").build(),
                readBack(out.toByteArray(), PacketFormat.XML));

        // JSON carries control characters and any field name
        SyncPacket odd = SyncPacket.builder("tab\tbed")
                .row("Two\nlines", control)
                .row("Two\nlines", RowStatus.INSERT, "No .", "1")
                .build();
        assertEquals(odd, readBack(SyncPacketWriter.toBytes(odd, PacketFormat.JSON), PacketFormat.JSON));
    }

    @ParameterizedTest
    @EnumSource(PacketFormat.class)
    void anUnpairedSurrogateIsRefusedInBothFormats(PacketFormat format) {
        SyncPacket broken = SyncPacket.builder("S01")
                .row("T", RowStatus.INSERT, "No", "a\uD800b")
                .build();

        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> SyncPacketWriter.toBytes(broken, format));
        assertTrue(refused.getMessage().contains("U+D800"), refused.getMessage());
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T unchecked(IoSupplier<T> step) {
        try {
            return step.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
