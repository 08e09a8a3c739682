package com.fieldsync.sim.resco;

import static com.fieldsync.sim.resco.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** POST, PATCH and DELETE: validation, stamps, versionnumber and etags, If-Match. */
class WriteTest extends SimulatorTest {
    private static final String ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    @Test
    void postCreatesTheRecordAndAnswers201WithItAndItsLocation() {
        sim.clock().set(Instant.parse("2024-05-01T10:00:00.123Z"));

        TestClient.Reply reply =
                client.post("product", obj("name", "Pump", "price", new BigDecimal("12.50"), "productnumber", "P-1"));

        assertEquals(201, reply.status(), reply.body());
        JsonObject created = reply.json();
        String id = created.getString("id");
        assertEquals(sim.baseUrl() + "product(" + id + ")", reply.header("Location"));
        assertEquals("Pump", created.getString("name"));
        assertEquals(new BigDecimal("12.50"), created.getJsonNumber("price").bigDecimalValue());
        assertEquals("2024-05-01T10:00:00.1230000Z", created.getString("createdon"));
        assertEquals(created.getString("createdon"), created.getString("modifiedon"));
        assertEquals(
                "W/\"" + created.getJsonNumber("versionnumber").longValue() + "\"", created.getString("@odata.etag"));
        assertEquals(sim.record("product", id).orElseThrow().getString("name"), "Pump");
    }

    @Test
    void theClientMaySupplyTheIdButNotOneThatExists() {
        assertEquals(
                ID, client.post("account", obj("id", ID, "name", "A")).json().getString("id"));

        assertEquals(409, client.post("account", obj("id", ID, "name", "B")).status());
        assertEquals(400, client.post("account", obj("id", "42", "name", "C")).status());
    }

    @Test
    void postRefusesUnknownAttributesWrongTypesMissingRequiredAndTooLongStrings() {
        assertRefused("account", obj("name", "A", "nosuch", "x"), "nosuch");
        assertRefused("product", obj("name", "A", "price", "12"), "Edm.Decimal");
        assertRefused("resco_workorder", obj("name", "A", "statuscode", 1.5), "Edm.Int32");
        assertRefused("account", obj("name", "A", "donotemail", "yes"), "Edm.Boolean");
        assertRefused("account", obj("telephone1", "1"), "name");
        assertRefused("account", obj("name", ""), "name");
        assertRefused("account", obj("name", null), "name");
        assertRefused("account", obj("name", "x".repeat(161)), "MaxLength");
        assertRefused("contact", obj("lastname", "S", "__parentcustomerid_id", ID), "does not exist");
        assertRefused("contact", obj("lastname", "S", "__parentcustomerid_id", "x"), "Edm.Guid");
        assertEquals(0, sim.records("account").size() + sim.records("contact").size());
        assertEquals(201, client.post("account", obj("name", "x".repeat(160))).status());
    }

    @Test
    void serverStampsAndAnnotationsEchoedBackAreIgnored() {
        JsonObject fetched = client.post("account", obj("name", "A")).json();

        TestClient.Reply copy = client.post(
                "account",
                obj(
                        "name", "B",
                        "versionnumber", 1L,
                        "modifiedon", "2000-01-01T00:00:00Z",
                        "@odata.etag", "W/\"1\""));

        assertEquals(201, copy.status(), copy.body());
        assertTrue(copy.json().getJsonNumber("versionnumber").longValue()
                > fetched.getJsonNumber("versionnumber").longValue());
        assertNotEquals("2000-01-01T00:00:00.0000000Z", copy.json().getString("modifiedon"));
    }

    @Test
    void patchChangesOnlyTheSuppliedAttributesAndRestampsTheRecord() {
        sim.clock().set(Instant.parse("2024-05-01T10:00:00Z"));
        String id = sim.put("account", obj("name", "Acme", "telephone1", "555", "vatid", "BE1"))
                .getString("id");
        sim.clock().advance(Duration.ofMinutes(5));

        TestClient.Reply reply = client.patch("account(" + id + ")", obj("telephone1", "777", "vatid", null));

        assertEquals(204, reply.status());
        JsonObject after = sim.record("account", id).orElseThrow();
        assertEquals(after.getString("@odata.etag"), reply.header("ETag"));
        assertEquals("Acme", after.getString("name"));
        assertEquals("777", after.getString("telephone1"));
        assertEquals(JsonValue.NULL, after.get("vatid"));
        assertEquals("2024-05-01T10:00:00.0000000Z", after.getString("createdon"));
        assertEquals("2024-05-01T10:05:00.0000000Z", after.getString("modifiedon"));
    }

    @Test
    void patchAnswersTheRecordWhenAskedForARepresentation() {
        String id = account("Acme");

        TestClient.Reply reply =
                client.patch("account(" + id + ")", obj("telephone1", "1"), "Prefer", "return=representation");

        assertEquals(200, reply.status());
        assertEquals("1", reply.json().getString("telephone1"));
        assertEquals("Acme", reply.json().getString("name"));
    }

    @Test
    void patchValidatesLikePostAndIs404ForAnAbsentRecord() {
        String id = account("Acme");

        assertEquals(400, client.patch("account(" + id + ")", obj("name", null)).status());
        assertEquals(400, client.patch("account(" + id + ")", obj("nosuch", 1)).status());
        assertEquals(404, client.patch("account(" + ID + ")", obj("name", "X")).status());
        assertEquals("Acme", sim.record("account", id).orElseThrow().getString("name"));
    }

    @Test
    void ifMatchWithAStaleEtagIs412AndChangesNothingWhileTheCurrentOneOrStarApplies() {
        String id = account("Acme");
        String read = sim.record("account", id).orElseThrow().getString("@odata.etag");
        sim.update("account", id, obj("telephone1", "mobile user was here"));

        TestClient.Reply stale = client.patch("account(" + id + ")", obj("name", "Mine"), "If-Match", read);

        assertEquals(412, stale.status());
        assertEquals("Acme", sim.record("account", id).orElseThrow().getString("name"));
        String current = sim.record("account", id).orElseThrow().getString("@odata.etag");
        assertEquals(
                204,
                client.patch("account(" + id + ")", obj("name", "Mine"), "If-Match", current)
                        .status());
        assertEquals(
                204,
                client.patch("account(" + id + ")", obj("name", "Any"), "If-Match", "*")
                        .status());
        assertEquals(
                412, client.delete("account(" + id + ")", "If-Match", current).status());
        assertEquals("Any", sim.record("account", id).orElseThrow().getString("name"));
    }

    @Test
    void versionnumberRisesByOneWithEveryChangeAcrossTheWholeStore() {
        JsonObject a = client.post("account", obj("name", "A")).json();
        JsonObject p = client.post("product", obj("name", "P")).json();
        long first = a.getJsonNumber("versionnumber").longValue();

        client.patch("account(" + a.getString("id") + ")", obj("name", "A2"));
        JsonObject after = sim.record("account", a.getString("id")).orElseThrow();

        assertEquals(first + 1, p.getJsonNumber("versionnumber").longValue());
        assertEquals(first + 2, after.getJsonNumber("versionnumber").longValue());
        assertEquals("W/\"" + (first + 2) + "\"", after.getString("@odata.etag"));
        sim.reset();
        assertEquals(
                first + 3,
                sim.put("account", obj("name", "B"))
                        .getJsonNumber("versionnumber")
                        .longValue());
    }

    @Test
    void deleteRemovesTheRecordOnceThen404() {
        String id = account("Acme");

        assertEquals(204, client.delete("account(" + id + ")").status());
        assertEquals(404, client.delete("account(" + id + ")").status());
        assertEquals(404, client.get("account(" + id + ")").status());
        assertTrue(sim.record("account", id).isEmpty());
    }

    @Test
    void malformedBodiesAndUnsupportedMethodsAreRefused() {
        assertEquals(400, client.post("account", "{\"name\":").status());
        assertEquals(400, client.post("account", "[]").status());
        assertEquals(
                405, client.method("PUT", "account(" + account("A") + ")", "{}").status());
        assertNull(sim.records("account").stream()
                .filter(r -> !r.getString("name").equals("A"))
                .findAny()
                .orElse(null));
    }

    private static void assertRefused(String entity, JsonObject body, String expected) {
        TestClient.Reply reply = client.post(entity, body);
        assertEquals(400, reply.status(), body.toString());
        assertTrue(reply.message().contains(expected), body + " -> " + reply.message());
    }
}
