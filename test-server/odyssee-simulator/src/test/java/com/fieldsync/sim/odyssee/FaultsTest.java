package com.fieldsync.sim.odyssee;

import static com.fieldsync.sim.odyssee.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.sim.common.Fault;
import jakarta.json.Json;
import jakarta.json.JsonException;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class FaultsTest extends SimulatorTest {

    @Test
    void aStatusFaultAnswersThatStatusWithoutApplyingTheRequestOnce() {
        sim.faults().next("POST", "Company", Fault.status(503));

        TestClient.Reply failed = client.post("api/Company", company("C1"));
        TestClient.Reply retried = client.post("api/Company", company("C1"));

        assertEquals(503, failed.status());
        assertEquals("simulated 503", failed.message());
        assertEquals(201, retried.status());
        assertEquals(1, sim.records("Company").size());
    }

    @Test
    void tooManyRequestsAnswers429WithRetryAfterWithoutApplying() {
        sim.faults().next(null, null, Fault.tooManyRequests(7));

        TestClient.Reply reply = client.post("api/Company", company("C1"));

        assertEquals(429, reply.status());
        assertEquals("7", reply.header("Retry-After"));
        assertEquals(0, sim.records("Company").size());
    }

    @Test
    void latencyDelaysTheAnswerThenProcessesNormally() {
        sim.faults().next("POST", null, Fault.latency(150));

        long start = System.nanoTime();
        TestClient.Reply reply = client.post("api/Company", company("C1"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(elapsedMillis >= 150, "answered after " + elapsedMillis + " ms");
        assertEquals(201, reply.status());
    }

    @Test
    void dropConnectionGivesTheClientAnIOExceptionAndStoresNothing() {
        sim.faults().next("POST", "Company", Fault.dropConnection());

        assertThrows(IOException.class, () -> client.postRaw("api/Company", company("C1")));

        assertEquals(0, sim.records("Company").size());
        assertEquals(0, sim.calls().get(0).status());
    }

    @Test
    void applyThenDropStoresTheRowYetTheClientGetsAnIOException() {
        sim.faults().next("POST", "Company", Fault.applyThenDrop());

        assertThrows(IOException.class, () -> client.postRaw("api/Company", company("C1")));

        assertEquals(1, sim.records("Company").size());
        assertEquals(201, client.post("api/Company", company("C2")).status());
    }

    @Test
    void malformedBodyAppliesTheRequestButAnswersInvalidJson() {
        sim.faults().next("POST", "Company", Fault.malformedBody());

        TestClient.Reply reply = client.post("api/Company", company("C1"));

        assertEquals(201, reply.status());
        assertThrows(JsonException.class, () -> Json.createReader(new StringReader(reply.body()))
                .readObject());
        assertEquals(1, sim.records("Company").size());
    }

    @Test
    void faultsOnlyHitMatchingRequestsAndAreConsumedInOrder() {
        sim.faults().next("POST", "User", Fault.status(500));
        sim.faults().next("GET", "company", Fault.status(502));
        sim.faults().next("GET", "Company", Fault.status(503));

        assertEquals(201, client.post("api/Company", company("C1")).status());
        assertEquals(502, client.get("api/Company").status());
        assertEquals(503, client.get("api/Company").status());
        assertEquals(200, client.get("api/Company").status());
        assertEquals(
                500, client.post("api/User", obj("code", "U", "username", "u")).status());
        assertTrue(sim.faults().isEmpty());
    }

    @Test
    void timesRepeatsAFaultAndAlwaysKeepsItUntilCleared() {
        sim.faults().times(2, "GET", null, Fault.status(503));

        assertEquals(503, client.get("api/Company").status());
        assertEquals(503, client.get("api/Company").status());
        assertEquals(200, client.get("api/Company").status());

        sim.faults().always(null, null, Fault.status(500));
        assertEquals(500, client.get("api/User").status());
        assertEquals(500, client.get("api/User").status());
        sim.faults().clear();
        assertEquals(200, client.get("api/User").status());
    }

    @Test
    void aStandingLatencyCombinesWithAOneShotFault() {
        sim.faults().always(null, null, Fault.latency(50));
        sim.faults().next(null, null, Fault.status(503));

        long start = System.nanoTime();
        int status = client.get("api/Company").status();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(503, status);
        assertTrue(elapsedMillis >= 50, "answered after " + elapsedMillis + " ms");
    }

    private static jakarta.json.JsonObject company(String code) {
        return obj("code", code, "name", "Company " + code);
    }
}
