package com.fieldsync.sim.resco;

import static com.fieldsync.sim.resco.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.sim.common.Fault;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class FaultsTest extends SimulatorTest {
    private static final JsonObject ACME = obj("name", "Acme");

    @Test
    void aStatusFaultAnswersThatStatusAsAnODataErrorWithoutApplyingTheRequestOnce() {
        sim.faults().next("POST", "account", Fault.status(503));

        TestClient.Reply failed = client.post("account", ACME);
        TestClient.Reply retried = client.post("account", ACME);

        assertEquals(503, failed.status());
        assertEquals("simulated 503", failed.message());
        assertEquals(201, retried.status());
        assertEquals(1, sim.records("account").size());
    }

    @Test
    void tooManyRequestsAnswers429WithRetryAfterWithoutApplying() {
        sim.faults().next(null, null, Fault.tooManyRequests(7));

        TestClient.Reply reply = client.post("account", ACME);

        assertEquals(429, reply.status());
        assertEquals("7", reply.header("Retry-After"));
        assertEquals(0, sim.records("account").size());
    }

    @Test
    void latencyDelaysTheAnswerThenProcessesNormally() {
        sim.faults().next("POST", null, Fault.latency(150));

        long start = System.nanoTime();
        TestClient.Reply reply = client.post("account", ACME);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(elapsedMillis >= 150, "answered after " + elapsedMillis + " ms");
        assertEquals(201, reply.status());
    }

    @Test
    void dropConnectionGivesTheClientAnIOExceptionAndStoresNothing() {
        sim.faults().next("POST", "account", Fault.dropConnection());

        assertThrows(IOException.class, () -> client.postRaw("account", ACME));

        assertEquals(0, sim.records("account").size());
        assertEquals(0, sim.calls().get(0).status());
    }

    @Test
    void applyThenDropStoresTheRecordYetTheClientGetsAnIOException() {
        sim.faults().next("POST", "account", Fault.applyThenDrop());

        assertThrows(IOException.class, () -> client.postRaw("account", ACME));

        assertEquals(1, sim.records("account").size());
        assertEquals(201, client.post("account", ACME).status());
    }

    @Test
    void malformedBodyAppliesTheRequestButAnswersInvalidJson() {
        sim.faults().next("POST", "account", Fault.malformedBody());

        TestClient.Reply reply = client.post("account", ACME);

        assertEquals(201, reply.status());
        assertThrows(JsonException.class, () -> Json.createReader(new StringReader(reply.body()))
                .readObject());
        assertEquals(1, sim.records("account").size());
    }

    @Test
    void faultsOnlyHitMatchingRequestsAndAreConsumedInOrder() {
        sim.faults().next("POST", "contact", Fault.status(500));
        sim.faults().next("GET", "ACCOUNT", Fault.status(502));
        sim.faults().next("GET", "account", Fault.status(503));
        sim.faults().next("GET", "$metadata", Fault.status(504));

        assertEquals(201, client.post("account", ACME).status());
        assertEquals(502, client.get("account").status());
        assertEquals(503, client.get("account?$top=1").status());
        assertEquals(200, client.get("account").status());
        assertEquals(504, client.get("$metadata").status());
        assertEquals(500, client.post("contact", obj("lastname", "S")).status());
        assertTrue(sim.faults().isEmpty());
    }

    @Test
    void timesRepeatsAFaultAndAlwaysKeepsItUntilCleared() {
        sim.faults().times(2, "GET", null, Fault.status(503));

        assertEquals(503, client.get("account").status());
        assertEquals(503, client.get("account").status());
        assertEquals(200, client.get("account").status());

        sim.faults().always(null, null, Fault.status(500));
        assertEquals(500, client.get("product").status());
        assertEquals(500, client.get("product").status());
        sim.faults().clear();
        assertEquals(200, client.get("product").status());
    }

    @Test
    void aStandingLatencyCombinesWithAOneShotFault() {
        sim.faults().always(null, null, Fault.latency(50));
        sim.faults().next(null, null, Fault.status(503));

        long start = System.nanoTime();
        int status = client.get("account").status();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(503, status);
        assertTrue(elapsedMillis >= 50, "answered after " + elapsedMillis + " ms");
    }
}
