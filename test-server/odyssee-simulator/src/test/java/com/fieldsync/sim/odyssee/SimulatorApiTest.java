package com.fieldsync.sim.odyssee;

import static com.fieldsync.sim.odyssee.TestClient.enc;
import static com.fieldsync.sim.odyssee.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.sim.common.Call;
import com.fieldsync.sim.common.Fault;
import com.fieldsync.sim.common.Guids;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java API around the HTTP one: call log, clock, seeding, reset, DbFile content, the /_sim/ surface. */
class SimulatorApiTest extends SimulatorTest {

    @Test
    void baseUrlNamesTheBoundPortAndTheApiLivesUnderApi() {
        assertEquals("http://127.0.0.1:" + sim.port() + "/", sim.baseUrl());
        assertEquals(sim.baseUrl() + "api/", sim.apiUrl());
    }

    @Test
    void theCallLogRecordsEachApiCallInArrivalOrder() {
        String body = obj("code", "C1", "name", "Acme").toString();
        client.post("api/Company", body);
        client.get("api/Company?$filter=" + enc("code eq 'C1'"));
        client.get("api/User/" + Guids.ZERO);

        List<Call> calls = sim.calls();

        assertEquals(3, calls.size());
        Call post = calls.get(0);
        assertEquals("POST", post.method());
        assertEquals("/api/Company", post.path());
        assertNull(post.query());
        assertEquals(201, post.status());
        assertEquals(body, post.requestBody());
        Call list = calls.get(1);
        assertEquals("code eq 'C1'", list.param("$filter"));
        assertEquals("Company", list.target());
        assertEquals("", list.requestBody());
        assertEquals(404, calls.get(2).status());
        assertTrue(calls.get(0).atNanos() <= calls.get(1).atNanos());
    }

    @Test
    void callsCanBeFilteredByMethodAndControllerCaseInsensitively() {
        client.post("api/Company", obj("code", "C1", "name", "Acme"));
        client.get("api/Company");
        client.get("api/User");

        assertEquals(1, sim.calls("post", "company").size());
        assertEquals(2, sim.calls("GET", null).size());
        assertEquals(2, sim.calls(null, "Company").size());
        sim.clearCalls();
        assertEquals(List.of(), sim.calls());
    }

    @Test
    void everyStampComesFromTheMovableClock() {
        sim.clock().set(Instant.parse("2024-05-01T08:00:00.123456Z"));
        JsonObject added =
                client.post("api/Company", obj("code", "C1", "name", "Acme")).json();

        sim.clock().advance(Duration.ofSeconds(5));
        JsonObject updated = client.put("api/Company/" + added.getString("id"), obj("name", "Acme NV"))
                .json();

        assertEquals("2024-05-01T08:00:00.123Z", added.getString("modified_dateutc"));
        assertEquals("2024-05-01T08:00:05.123Z", updated.getString("modified_dateutc"));
    }

    @Test
    void theDefaultClockFollowsSystemTime() {
        Instant before = Instant.now().minusMillis(1);

        Instant stamped =
                Instant.parse(sim.put("User", obj("code", "U", "username", "u")).getString("modified_dateutc"));

        assertFalse(stamped.isBefore(before));
        assertFalse(stamped.isAfter(Instant.now()));
    }

    @Test
    void putSeedsARowWithDefaultsAndRefusesWhatTheApiWould() {
        JsonObject row = sim.put("Company", obj("name", "Acme"));

        assertEquals("", row.getString("code"));
        assertEquals(List.of(row), sim.records("Company"));
        assertThrows(IllegalArgumentException.class, () -> sim.put("Company", obj("nope", "x")));
        assertThrows(IllegalArgumentException.class, () -> sim.records("Nope"));
    }

    @Test
    void resetClearsDataFaultsAndCalls() {
        sim.put("Company", obj("name", "Acme"));
        sim.faults().next(null, null, Fault.status(500));
        client.get("api/User");
        sim.faults().next(null, null, Fault.status(500));

        sim.reset();

        assertEquals(List.of(), sim.records("Company"));
        assertEquals(List.of(), sim.calls());
        assertTrue(sim.faults().isEmpty());
    }

    @Test
    void dbFileContentIsServedByItsOwnEndpointAndLeftOutOfLists() {
        String base64 = Base64.getEncoder().encodeToString("%PDF-1.4 approval".getBytes(StandardCharsets.UTF_8));
        String id = sim.put(
                        "DbFile",
                        obj(
                                "file_name", "Job #41.pdf",
                                "file_type_name", "JOB_APPROVAL",
                                "db_table_name", "job_approval",
                                "file_content", base64))
                .getString("id");

        JsonObject content = client.get("api/DbFile/" + id + "/content").json();
        JsonObject listed = client.get("api/DbFile?$filter="
                        + enc("file_type_name eq 'JOB_APPROVAL' and db_table_name eq 'job_approval'"))
                .value()
                .getJsonObject(0);

        assertEquals(id, content.getString("id"));
        assertEquals("Job #41.pdf", content.getString("file_name"));
        assertEquals(base64, content.getString("content"));
        assertFalse(listed.containsKey("file_content"));
        assertEquals(base64, client.get("api/DbFile/" + id).json().getString("file_content"));
        assertEquals(404, client.get("api/DbFile/" + Guids.ZERO + "/content").status());
    }

    @Test
    void theControlSurfaceQueuesFaultsShowsRecordsAndCallsAndResets() {
        TestClient.Reply fault = client.post(
                "_sim/faults", obj("method", "GET", "controller", "Company", "fault", "status", "value", 503));
        int faulted = client.get("api/Company").status();
        client.post("_sim/records/Company", obj("code", "C1", "name", "Acme"));

        TestClient.Reply records = client.get("_sim/records/Company");
        TestClient.Reply calls = client.get("_sim/calls");

        assertEquals(204, fault.status());
        assertEquals(503, faulted);
        assertTrue(records.body().contains("\"C1\""), records.body());
        assertTrue(calls.body().contains("\"status\":503"), calls.body());
        assertEquals(204, client.post("_sim/reset", "").status());
        assertEquals(List.of(), sim.records("Company"));
    }

    @Test
    void theControlSurfaceMovesTheClock() {
        TestClient.Reply reply = client.post("_sim/clock", obj("set", "2024-01-01T00:00:00Z", "advanceMillis", 1500));

        assertEquals("2024-01-01T00:00:01.500Z", reply.json().getString("now"));
        assertEquals(Instant.parse("2024-01-01T00:00:01.500Z"), sim.clock().now());
    }

    @Test
    void pathsOutsideTheApiAre404() {
        assertEquals(404, client.get("nothing/here").status());
        assertEquals(404, client.get("api/").status());
    }
}
