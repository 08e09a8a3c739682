package com.fieldsync.sim.resco;

import static com.fieldsync.sim.resco.TestClient.enc;
import static com.fieldsync.sim.resco.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.sim.common.Call;
import com.fieldsync.sim.common.Fault;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java API around the HTTP one: call log, clock, seeding as a mobile user, reset, and the /_sim/ surface. */
class SimulatorApiTest extends SimulatorTest {
    private static final TestClient control = new TestClient("");

    @Test
    void theCallLogRecordsEachApiCallWithItsEntityInArrivalOrder() {
        String body = obj("name", "Acme").toString();
        client.post("account", body);
        client.get("account?$filter=" + enc("name eq 'Acme'"));
        client.get("contact(00000000-0000-0000-0000-000000000001)");
        client.get("$metadata");

        List<Call> calls = sim.calls();

        assertEquals(4, calls.size());
        Call post = calls.get(0);
        assertEquals("POST", post.method());
        assertEquals("/odata/v4/" + ORG + "/account", post.path());
        assertEquals("account", post.target());
        assertNull(post.query());
        assertEquals(201, post.status());
        assertEquals(body, post.requestBody());
        assertEquals("name eq 'Acme'", calls.get(1).param("$filter"));
        assertEquals("contact", calls.get(2).target());
        assertEquals(404, calls.get(2).status());
        assertEquals("$metadata", calls.get(3).target());
        assertEquals(1, sim.calls("post", "ACCOUNT").size());
        assertEquals(3, sim.calls("GET", null).size());
        sim.clearCalls();
        assertTrue(sim.calls().isEmpty());
    }

    @Test
    void aStoppedClockStampsEveryChangeAlikeUntilAdvanced() {
        sim.clock().set(Instant.parse("2024-02-02T02:02:02Z"));
        JsonObject a = sim.put("account", obj("name", "A"));
        JsonObject b = sim.put("account", obj("name", "B"));
        sim.clock().advance(Duration.ofSeconds(3));
        JsonObject a2 = sim.update("account", a.getString("id"), obj("telephone1", "1"));

        assertEquals("2024-02-02T02:02:02.0000000Z", a.getString("modifiedon"));
        assertEquals(a.getString("modifiedon"), b.getString("modifiedon"));
        assertEquals("2024-02-02T02:02:05.0000000Z", a2.getString("modifiedon"));
        assertEquals(a.getString("createdon"), a2.getString("createdon"));
        assertTrue(sim.clock().isStopped());
    }

    @Test
    void putValidatesLikeTheApiAndReplacesARecordWithTheSameId() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> sim.put("account", obj("vatid", "x")));
        assertTrue(refused.getMessage().startsWith("400 "), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sim.records("Account"));
        assertThrows(
                IllegalArgumentException.class,
                () -> sim.update("account", "00000000-0000-0000-0000-000000000001", obj()));

        String id = sim.put("account", obj("name", "A", "vatid", "V")).getString("id");
        JsonObject replaced = sim.put("account", obj("id", id, "name", "B"));

        assertEquals(1, sim.records("account").size());
        assertEquals("B", replaced.getString("name"));
        assertTrue(replaced.isNull("vatid"));
        assertTrue(sim.delete("account", id));
        assertFalse(sim.delete("account", id));
    }

    @Test
    void resetClearsDataHooksFaultsCallsAndDriftButKeepsPageSizeAndClock() {
        sim.pageSize(7);
        sim.clock().set(Instant.parse("2024-01-01T00:00:00Z"));
        account("A");
        sim.schema().drop("account", "vatid");
        sim.faults().always(null, null, Fault.status(500));
        client.post("$hook?$entity=account&$action=Create", obj("CallbackUrl", "http://127.0.0.1:9/x"));
        sim.pauseWebhooks();

        sim.reset();

        assertTrue(sim.records("account").isEmpty());
        assertTrue(sim.hooks().isEmpty());
        assertTrue(sim.faults().isEmpty());
        assertTrue(sim.calls().isEmpty());
        assertFalse(sim.webhooksPaused());
        assertTrue(sim.schema()
                .entitySet("account")
                .orElseThrow()
                .attribute("vatid")
                .isPresent());
        assertEquals(7, sim.pageSize());
        assertTrue(sim.clock().isStopped());
    }

    @Test
    void theControlApiSeedsEditsReadsAndDeletesRecords() {
        String records = sim.serverUrl() + "_sim/records/account";

        TestClient.Reply seeded = control.post(records, obj("name", "Acme"));
        String id = seeded.json().getString("id");
        TestClient.Reply edited = control.patch(records + "/" + id, obj("telephone1", "9"));
        JsonArray all = control.get(records).array();

        assertEquals(201, seeded.status());
        assertEquals(200, edited.status());
        assertEquals("9", edited.json().getString("telephone1"));
        assertEquals(1, all.size());
        assertEquals(400, control.post(records, obj("nosuch", 1)).status());
        assertEquals(204, control.delete(records + "/" + id).status());
        assertEquals(404, control.delete(records + "/" + id).status());
        assertTrue(sim.calls().isEmpty(), "control requests are not API calls");
    }

    @Test
    void theControlApiQueuesFaultsMovesTheClockAndSetsThePageSize() {
        String base = sim.serverUrl() + "_sim/";

        assertEquals(
                204,
                control.post(
                                base + "faults",
                                obj("method", "GET", "entity", "account", "fault", "status", "value", 503))
                        .status());
        assertEquals(503, client.get("account").status());
        TestClient.Reply clock =
                control.post(base + "clock", obj("set", "2024-06-01T00:00:00Z", "advanceMillis", 1500));
        assertEquals("2024-06-01T00:00:01.5000000Z", clock.json().getString("now"));
        assertEquals(
                "2024-06-01T00:00:01.5000000Z",
                sim.put("account", obj("name", "A")).getString("modifiedon"));
        assertEquals(3, control.post(base + "page-size", obj("size", 3)).json().getInt("size"));
        assertEquals(3, sim.pageSize());
        assertEquals(
                204,
                control.post(base + "schema/drop", obj("entity", "account", "attribute", "vatid"))
                        .status());
        assertTrue(sim.schema()
                .entitySet("account")
                .orElseThrow()
                .attribute("vatid")
                .isEmpty());
        assertEquals(
                true,
                control.post(base + "webhooks", obj("paused", true)).json().getBoolean("paused"));
        assertTrue(sim.webhooksPaused());
        assertEquals(404, control.get(base + "nosuch").status());
    }
}
