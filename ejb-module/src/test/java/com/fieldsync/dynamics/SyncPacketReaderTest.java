package com.fieldsync.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading packets: tolerant of what real packets do, refusing with what and where whatever is not a packet. */
class SyncPacketReaderTest {

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static SyncPacket read(String content, PacketFormat format) throws IOException, PacketException {
        return SyncPacketReader.readAll(new ByteArrayInputStream(utf8(content)), format, 1 << 20);
    }

    static PacketException refused(String content, PacketFormat format) {
        return assertThrows(PacketException.class, () -> read(content, format), content);
    }

    @Test
    void sloppyXmlIsRead() throws Exception {
        SyncPacket packet = read(
                "\uFEFF \r\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<!-- a comment --><navmobilesync SalesmanCode=\"S9\">\n"
                        + "  <Table TableName=\"Customer\">\n"
                        + "    <r status=\"inserted\"><DMS_ROWID>1</DMS_ROWID><Name></Name></r>\n"
                        + "    <R Status=\" UPDATED \">\n      <DMS_ROWID>2</DMS_ROWID>\n      <state>1</state>\n    </R>\n"
                        + "    <r status=\"Deleted\"><DMS_ROWID>3</DMS_ROWID><!-- gone --></r>\n"
                        + "    <r status=\"INSERT\"><DMS_ROWID>4</DMS_ROWID>"
                        + "<Note><![CDATA[a <b> & c]]> d &amp; e&#13;</Note></r>\n"
                        + "    <r><DMS_ROWID>5</DMS_ROWID><Name/></r>\n"
                        + "    <r status=\"\"><DMS_ROWID>6</DMS_ROWID><Name> kept as is </Name></r>\n"
                        + "  </Table>\n"
                        + "</navmobilesync>\n",
                PacketFormat.XML);

        assertEquals("S9", packet.salesmanCode());
        List<SyncPacket.Row> rows = packet.rows("Customer");
        assertEquals(
                List.of(
                        RowStatus.INSERT,
                        RowStatus.UPDATE,
                        RowStatus.DELETE,
                        RowStatus.INSERT,
                        RowStatus.UPSERT,
                        RowStatus.UPSERT),
                rows.stream().map(SyncPacket.Row::status).toList());
        assertEquals(
                List.of("1", "2", "3", "4", "5", "6"),
                rows.stream().map(SyncPacket.Row::rowId).toList());
        assertEquals("", rows.get(0).field("Name"));
        assertNull(rows.get(1).field("Name"));
        assertEquals("1", rows.get(1).state());
        assertEquals(Map.of("DMS_ROWID", "3"), rows.get(2).fields());
        assertEquals("a <b> & c d & e\r", rows.get(3).field("Note"));
        assertEquals("", rows.get(4).field("Name"));
        assertEquals(" kept as is ", rows.get(5).field("Name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"salesmancode", "salesmanCode", "SalesmanCode", "SALESMANCODE"})
    void theSalesmanCodeIsReadInAnyCase(String attribute) throws Exception {
        assertEquals(
                "S7",
                read("<NavMobileSync " + attribute + "=\"S7\"/>", PacketFormat.XML)
                        .salesmanCode());
        assertEquals(
                "S7",
                read("{\"" + attribute + "\":\"S7\",\"tables\":[]}", PacketFormat.JSON)
                        .salesmanCode());
    }

    @Test
    void sloppyJsonIsRead() throws Exception {
        SyncPacket packet = read(
                "\uFEFF\n{\"Tables\":[{\"TableName\":\"Item\",\"Rows\":["
                        + "{\"fields\":{\"DMS_ROWID\":7,\"Qty\":2.50,\"Blocked\":false,\"Note\":null,\"Name\":\"x\"},"
                        + "\"Status\":\" Inserted \"},\n"
                        + "  {\"status\":null,\"fields\":null},{}, {\"status\":\"delete\",\"fields\":{\"state\":\"2\"}}]},"
                        + "{\"tablename\":\"Empty\",\"rows\":null},{\"tablename\":\"Bare\"}],"
                        + "\"SalesmanCode\":\"S9\"}",
                PacketFormat.JSON);

        assertEquals("S9", packet.salesmanCode());
        assertEquals(
                List.of("Item", "Empty", "Bare"), List.copyOf(packet.tables().keySet()));
        List<SyncPacket.Row> rows = packet.rows("Item");
        assertEquals(4, rows.size());
        assertEquals(RowStatus.INSERT, rows.get(0).status());
        assertEquals(
                List.of("DMS_ROWID", "Qty", "Blocked", "Name"),
                List.copyOf(rows.get(0).fields().keySet()));
        assertEquals("7", rows.get(0).rowId());
        assertEquals("2.50", rows.get(0).field("Qty"));
        assertEquals("false", rows.get(0).field("Blocked"));
        assertNull(rows.get(0).field("Note"));
        assertEquals(new SyncPacket.Row(RowStatus.UPSERT, Map.of()), rows.get(1));
        assertEquals(new SyncPacket.Row(RowStatus.UPSERT, Map.of()), rows.get(2));
        assertEquals("2", rows.get(3).state());
    }

    @ParameterizedTest
    @EnumSource(PacketFormat.class)
    void aTableGivenTwiceIsHandedOverInDocumentOrderAndMergedWhole(PacketFormat format) throws Exception {
        String content = format == PacketFormat.XML
                ? "<NavMobileSync><table tablename=\"A\"><r><F>1</F></r></table><table tablename=\"B\"/>"
                        + "<table tablename=\"A\"><r><F>2</F></r></table></NavMobileSync>"
                : "{\"tables\":[{\"tablename\":\"A\",\"rows\":[{\"fields\":{\"F\":\"1\"}}]},{\"tablename\":\"B\"},"
                        + "{\"tablename\":\"A\",\"rows\":[{\"fields\":{\"F\":\"2\"}}]}]}";
        List<String> calls = new ArrayList<>();

        SyncPacketReader.Summary summary =
                SyncPacketReader.read(new ByteArrayInputStream(utf8(content)), format, 1000, new RowHandler() {
                    @Override
                    public void table(String table) {
                        calls.add("table " + table);
                    }

                    @Override
                    public void row(String table, SyncPacket.Row row) {
                        calls.add(table + " " + row.field("F"));
                    }
                });

        assertEquals(List.of("table A", "A 1", "table B", "table A", "A 2"), calls);
        assertEquals(new SyncPacketReader.Summary(null, 3, 2, utf8(content).length), summary);
        SyncPacket packet = read(content, format);
        assertEquals(List.of("A", "B"), List.copyOf(packet.tables().keySet()));
        assertEquals(
                List.of("1", "2"),
                packet.rows("A").stream().map(row -> row.field("F")).toList());
    }

    static Stream<Arguments> malformed() {
        PacketFormat xml = PacketFormat.XML;
        PacketFormat json = PacketFormat.JSON;
        return Stream.of(
                Arguments.of(
                        xml,
                        "<NavMobileSync><table tablename=\"T\"><r><F>1</F></r>",
                        List.of("not well-formed XML", "line 1")),
                Arguments.of(xml, "", List.of("the packet is empty")),
                Arguments.of(xml, "\uFEFF \r\n\t", List.of("the packet is empty")),
                Arguments.of(xml, "{\"tables\":[]}", List.of("not well-formed XML", "line 1, column 1")),
                Arguments.of(xml, "<NavMobileSync/><NavMobileSync/>", List.of("not well-formed XML")),
                Arguments.of(
                        xml,
                        "<Other><table tablename=\"T\"/></Other>",
                        List.of("the root element is <Other>, not <NavMobileSync>", "line 1")),
                Arguments.of(
                        xml,
                        "<NavMobileSync>\n  <r status=\"insert\"><No>1</No></r>\n</NavMobileSync>",
                        List.of("a row <r> outside a <table>", "line 2")),
                Arguments.of(
                        xml,
                        "<NavMobileSync><table tablename=\"Customer\">\n<r status=\"insert\"/>\n"
                                + "<r status=\"frobnicate\"><No>1</No></r></table></NavMobileSync>",
                        List.of("row 2 of table 'Customer': unknown status 'frobnicate'", "line 3")),
                Arguments.of(
                        xml,
                        "<NavMobileSync><table tablename=\"T\"><r status=\"upsert\"/></table></NavMobileSync>",
                        List.of("unknown status 'upsert'")),
                Arguments.of(
                        xml,
                        "<NavMobileSync><table><r/></table></NavMobileSync>",
                        List.of("a <table> without tablename", "line 1")),
                Arguments.of(
                        xml,
                        "<NavMobileSync><table tablename=\" \"/></NavMobileSync>",
                        List.of("a <table> without tablename")),
                Arguments.of(
                        xml,
                        "<NavMobileSync><table tablename=\"T\"><r><F><G>1</G></F></r></table></NavMobileSync>",
                        List.of("row 1 of table 'T': field <F> holds an element <G>")),
                Arguments.of(
                        xml,
                        "<NavMobileSync><table tablename=\"T\">stray</table></NavMobileSync>",
                        List.of("text 'stray' in table 'T'")),
                Arguments.of(
                        xml,
                        "<NavMobileSync>stray<table tablename=\"T\"/></NavMobileSync>",
                        List.of("text 'stray' in <NavMobileSync>")),
                Arguments.of(
                        xml,
                        "<NavMobileSync><table tablename=\"T\"><r>stray<F>1</F></r></table></NavMobileSync>",
                        List.of("text 'stray' in row 1 of table 'T'")),
                Arguments.of(
                        xml,
                        "<NavMobileSync><table tablename=\"T\"><r><F>1</F>\n<F>2</F></r></table></NavMobileSync>",
                        List.of("row 1 of table 'T': field <F> given twice", "line 2")),
                Arguments.of(
                        xml,
                        "<NavMobileSync><rows/></NavMobileSync>",
                        List.of("unexpected element <rows> in <NavMobileSync>")),
                Arguments.of(
                        xml,
                        "<NavMobileSync><table tablename=\"T\"><row/></table></NavMobileSync>",
                        List.of("unexpected element <row> in table 'T'")),
                Arguments.of(
                        xml,
                        "<NavMobileSync salesmancode=\"a\" SalesmanCode=\"b\"/>",
                        List.of("<NavMobileSync> has the attribute salesmancode twice")),
                Arguments.of(
                        xml,
                        "<NavMobileSync><table tablename=\"T\"><r><F>&nbsp;</F></r></table></NavMobileSync>",
                        List.of("nbsp")),
                Arguments.of(json, "", List.of("the packet is empty")),
                Arguments.of(json, "1", List.of("not well-formed JSON")),
                Arguments.of(json, "<NavMobileSync/>", List.of("not well-formed JSON")),
                Arguments.of(json, "[]", List.of("a JSON sync packet is an object", "not an array")),
                Arguments.of(json, "{\"tables\":{}}", List.of("the packet's tables are an object, not an array")),
                Arguments.of(json, "{\"tables\":[", List.of("not well-formed JSON", "line no=1")),
                Arguments.of(json, "{}", List.of("the packet has no tables member")),
                Arguments.of(
                        json,
                        "{\"salesmancode\":\"S\",\"tables\":[],\"table\":[1]}",
                        List.of("unexpected member 'table' in the packet")),
                Arguments.of(json, "{\"tables\":[],\"Tables\":[]}", List.of("member 'Tables' given twice")),
                Arguments.of(json, "{\"tables\":[]} {\"tables\":[]}", List.of("not well-formed JSON", "line 1")),
                Arguments.of(json, "{\"tables\":[\"T\"]}", List.of("table 1 is a string, not an object")),
                Arguments.of(json, "{\"tables\":[{}]}", List.of("table 1 without tablename")),
                Arguments.of(
                        json,
                        "{\"tables\":[{\"tablename\":7}]}",
                        List.of("table 1's tablename is a number, not a string")),
                Arguments.of(
                        json,
                        "{\"tables\":[{\"tablename\":\"Customer\",\"rows\":[{},\n"
                                + "{\"status\":\"frobnicate\",\"fields\":{}}]}]}",
                        List.of("row 2 of table 'Customer': unknown status 'frobnicate'", "line 2")),
                Arguments.of(
                        json,
                        "{\"tables\":[{\"rows\":[],\"tablename\":\"T\"}]}",
                        List.of("table 1: its rows come before its tablename")),
                Arguments.of(
                        json,
                        "{\"tables\":[{\"tablename\":\"T\",\"rows\":[\"x\"]}]}",
                        List.of("row 1 of table 'T' is a string, not an object")),
                Arguments.of(
                        json,
                        "{\"tables\":[{\"tablename\":\"T\",\"rows\":[{\"fields\":{\"F\":{}}}]}]}",
                        List.of("row 1 of table 'T': field 'F' is an object, not a value")),
                Arguments.of(
                        json,
                        "{\"tables\":[{\"tablename\":\"T\",\"rows\":[{\"fields\":{\"F\":[]}}]}]}",
                        List.of("row 1 of table 'T': field 'F' is an array, not a value")),
                Arguments.of(
                        json,
                        "{\"tables\":[{\"tablename\":\"T\",\"rows\":[{\"fields\":{\"F\":\"1\",\"F\":null}}]}]}",
                        List.of("row 1 of table 'T': field 'F' given twice")),
                Arguments.of(
                        json,
                        "{\"tables\":[{\"tablename\":\"T\",\"rows\":[{\"status\":1}]}]}",
                        List.of("row 1 of table 'T': status is a number, not a string")),
                Arguments.of(
                        json,
                        "{\"tables\":[{\"tablename\":\"T\",\"rows\":[{\"state\":\"1\"}]}]}",
                        List.of("unexpected member 'state' in row 1 of table 'T'")),
                Arguments.of(
                        json,
                        "{\"tables\":[{\"tablename\":\"T\",\"rows\":[{\"fields\":\"x\"}]}]}",
                        List.of("row 1 of table 'T': fields are a string, not an object")));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void whatIsNotAPacketIsRefusedSayingWhatAndWhere(PacketFormat format, String content, List<String> expected) {
        String message = refused(content, format).getMessage();

        for (String part : expected) {
            assertTrue(message.contains(part), "'" + part + "' not in: " + message);
        }
    }

    @ParameterizedTest
    @EnumSource(PacketFormat.class)
    void rowsBeforeAnErrorWereHandedOverYetThePacketIsRefused(PacketFormat format) {
        String content = format == PacketFormat.XML
                ? "<NavMobileSync><table tablename=\"T\"><r><F>1</F></r><r><F>2</F></r>"
                        + "<r status=\"frobnicate\"><F>3</F></r></table></NavMobileSync>"
                : "{\"tables\":[{\"tablename\":\"T\",\"rows\":[{\"fields\":{\"F\":\"1\"}},{\"fields\":{\"F\":\"2\"}},"
                        + "{\"status\":\"frobnicate\",\"fields\":{\"F\":\"3\"}}]}]}";
        List<String> seen = new ArrayList<>();

        assertThrows(
                PacketException.class,
                () -> SyncPacketReader.read(
                        new ByteArrayInputStream(utf8(content)),
                        format,
                        1000,
                        (table, row) -> seen.add(row.field("F"))));
        assertEquals(List.of("1", "2"), seen);
    }

    @ParameterizedTest
    @EnumSource(PacketFormat.class)
    void aFailingStreamIsAnIoExceptionNotABadPacket(PacketFormat format) {
        byte[] packet = SyncPacketWriter.toBytes(SyncPacketWriterTest.TRICKY, format);
        IOException reset = new IOException("connection reset");
        InputStream broken =
                new SequenceInputStream(new ByteArrayInputStream(packet, 0, packet.length / 2), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw reset;
                    }
                });

        IOException thrown = assertThrows(
                IOException.class, () -> SyncPacketReader.read(broken, format, 1 << 20, (table, row) -> {}));
        assertSame(reset, thrown);
    }

    @ParameterizedTest
    @EnumSource(PacketFormat.class)
    void theHandlersExceptionReachesTheCallerUnchanged(PacketFormat format) {
        byte[] packet = SyncPacketWriter.toBytes(SyncPacketWriterTest.TRICKY, format);
        // a JsonException or XML trouble of the handler's own is not the packet's fault
        RuntimeException erpDown = new JsonException("the ERP is down");

        RuntimeException thrown = assertThrows(
                RuntimeException.class,
                () -> SyncPacketReader.read(new ByteArrayInputStream(packet), format, packet.length, (table, row) -> {
                    throw erpDown;
                }));
        assertSame(erpDown, thrown);
    }

    @ParameterizedTest
    @EnumSource(PacketFormat.class)
    void theCallersStreamIsLeftOpenAndTheSummaryTellsWhatWasRead(PacketFormat format) throws Exception {
        byte[] packet = SyncPacketWriter.toBytes(SyncPacketWriterTest.TRICKY, format);
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(packet) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        SyncPacketReader.Summary summary = SyncPacketReader.read(in, format, packet.length, (table, row) -> {});

        assertFalse(closed[0]);
        assertEquals(
                new SyncPacketReader.Summary(SyncPacketWriterTest.TRICKY.salesmanCode(), 3, 4, packet.length), summary);
    }

    @ParameterizedTest
    @EnumSource(PacketFormat.class)
    void thePacketMayHaveExactlyTheLimitAndNotOneByteMore(PacketFormat format) throws Exception {
        byte[] packet = SyncPacketWriter.toBytes(SyncPacketWriterTest.TRICKY, format);

        assertEquals(
                SyncPacketWriterTest.TRICKY,
                SyncPacketReader.readAll(new ByteArrayInputStream(packet), format, packet.length));
        PacketException refused = assertThrows(
                PacketException.class,
                () -> SyncPacketReader.readAll(new ByteArrayInputStream(packet), format, packet.length - 1));
        assertTrue(
                refused.getMessage().contains("larger than the limit of " + (packet.length - 1) + " bytes"),
                refused.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> SyncPacketReader.readAll(new ByteArrayInputStream(packet), format, 0));
    }

    @Test
    void statusesAreReadTolerantlyAndUpsertIsNotOne() {
        assertEquals(RowStatus.INSERT, RowStatus.fromWire(" Inserted ").orElseThrow());
        assertEquals(RowStatus.UPDATE, RowStatus.fromWire("UPDATE").orElseThrow());
        assertEquals(RowStatus.DELETE, RowStatus.fromWire("deleted").orElseThrow());
        assertEquals(RowStatus.UPSERT, RowStatus.fromWire(null).orElseThrow());
        assertEquals(RowStatus.UPSERT, RowStatus.fromWire(" ").orElseThrow());
        assertTrue(RowStatus.fromWire("upsert").isEmpty());
        assertTrue(RowStatus.fromWire("insertedd").isEmpty());
        assertTrue(RowStatus.fromWire("frobnicate").isEmpty());
    }
}
