package com.fieldsync.sim.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and reading the sync packet format, strict in what it writes and tolerant in what it reads. */
class SyncPacketTest {
    private static final SyncPacket ORDER = SyncPacket.builder("S01")
            .insert("Customer", "No", "C1", "Name", "Smith & \"Sons\" <Ltd>")
            .update("Customer", "No", "C2", "Phone", null)
            .delete("Item", "No", "I1")
            .insert("Customer", "No", "C3")
            .build();

    @Test
    void theBuilderWritesNavMobileSyncXmlWithEachTableOnceAndNullFieldsAbsent() {
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><NavMobileSync salesmancode=\"S01\">"
                        + "<table tablename=\"Customer\">"
                        + "<r status=\"insert\"><No>C1</No><Name>Smith &amp; &quot;Sons&quot; &lt;Ltd&gt;</Name></r>"
                        + "<r status=\"update\"><No>C2</No></r>"
                        + "<r status=\"insert\"><No>C3</No></r></table>"
                        + "<table tablename=\"Item\"><r status=\"delete\"><No>I1</No></r></table></NavMobileSync>",
                ORDER.toXml());
        assertEquals(4, ORDER.rowCount());
        assertNull(ORDER.table("Customer").orElseThrow().rows().get(1).field("Phone"));
    }

    @Test
    void theBuilderWritesTheAssumedJsonShape() {
        assertEquals(
                "{\"salesmancode\":\"S01\",\"tables\":[{\"tablename\":\"Item\",\"rows\":"
                        + "[{\"status\":\"delete\",\"fields\":{\"No\":\"I1\"}}]}]}",
                SyncPacket.builder("S01").delete("Item", "No", "I1").build().toJson());
    }

    @Test
    void bothFormatsReadBackWhatWasWritten() {
        assertEquals(ORDER, SyncPacket.parse(ORDER.toXml()));
        assertEquals(ORDER, SyncPacket.parse(ORDER.toJson()));
        assertEquals(ORDER, SyncPacket.parse(ORDER.to(PacketFormat.JSON), PacketFormat.JSON));
        assertEquals(ORDER, SyncPacket.parse("\uFEFF  " + ORDER.toXml()));
    }

    @Test
    void sloppyXmlIsReadAsWritten() {
        SyncPacket packet = SyncPacket.parse("<NavMobileSync salesmanCode=\"S9\">\n"
                + "  <table TableName=\"Customer\">\n"
                + "    <r status=\"inserted\"><No>C1</No><Name></Name></r>\n"
                + "    <r><No>C2</No></r>\n"
                + "  </table>\n"
                + "</NavMobileSync>");

        assertEquals("S9", packet.salesmanCode());
        SyncPacket.Table customers = packet.table("Customer").orElseThrow();
        assertEquals("inserted", customers.rows().get(0).status());
        assertEquals("", customers.rows().get(0).field("Name"));
        assertNull(customers.rows().get(1).status());
        assertEquals("C2", customers.rows().get(1).field("No"));
    }

    @Test
    void sloppyJsonIsReadWithLiteralsAsTextAndNullsAbsent() {
        SyncPacket packet = SyncPacket.parse("{\"SalesmanCode\":\"S9\",\"tables\":[{\"tableName\":\"Item\","
                + "\"rows\":[{\"fields\":{\"No\":\"I1\",\"Qty\":2.50,\"Blocked\":false,\"Note\":null}}]}]}");

        SyncPacket.Row row = packet.tables().get(0).rows().get(0);
        assertEquals("S9", packet.salesmanCode());
        assertNull(row.status());
        assertEquals(Map.of("No", "I1", "Qty", "2.50", "Blocked", "false"), row.fields());
    }

    @Test
    void aRowWithoutStatusAndAPacketWithoutSalesmanAreWritableToo() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("No", "C1");
        fields.put("Balance", 12);
        SyncPacket packet =
                SyncPacket.builder(null).row("Customer", null, fields).build();

        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><NavMobileSync><table tablename=\"Customer\">"
                        + "<r><No>C1</No><Balance>12</Balance></r></table></NavMobileSync>",
                packet.toXml());
        assertEquals(packet, SyncPacket.parse(packet.toJson()));
    }

    @Test
    void anXxePacketIsRefusedWithoutReadingTheFile(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE NavMobileSync [<!ENTITY s SYSTEM \"" + secret.toUri()
                + "\">]><NavMobileSync><table tablename=\"T\"><r><F>&s;</F></r></table></NavMobileSync>";

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SyncPacket.parse(xxe));

        assertFalse(refused.getMessage().contains("TOP-SECRET"), refused.getMessage());
    }

    @Test
    void whatIsNotASyncPacketIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SyncPacket.parse("<Other/>"));
        assertThrows(IllegalArgumentException.class, () -> SyncPacket.parse("<NavMobileSync><table>"));
        assertThrows(IllegalArgumentException.class, () -> SyncPacket.parse("<NavMobileSync><table/></NavMobileSync>"));
        assertThrows(IllegalArgumentException.class, () -> SyncPacket.parse("{\"tables\":["));
        assertThrows(IllegalArgumentException.class, () -> SyncPacket.parse("{\"tables\":{}}"));
        assertThrows(IllegalArgumentException.class, () -> SyncPacket.parse("[]"));
    }

    @Test
    void fieldNamesMustBeXmlNames() {
        SyncPacket.Builder builder = SyncPacket.builder("S01");

        assertThrows(IllegalArgumentException.class, () -> builder.insert("T", "No .", "1"));
        assertThrows(IllegalArgumentException.class, () -> builder.insert("T", "1st", "1"));
        assertThrows(IllegalArgumentException.class, () -> builder.insert("T", "odd"));
        assertThrows(IllegalStateException.class, () -> SyncPacket.parse(
                        "{\"tables\":[{\"tablename\":\"T\",\"rows\":[{\"fields\":{\"a b\":\"1\"}}]}]}")
                .toXml());
        assertTrue(SyncPacket.builder("S")
                .table("Empty")
                .build()
                .table("Empty")
                .orElseThrow()
                .rows()
                .isEmpty());
    }
}
