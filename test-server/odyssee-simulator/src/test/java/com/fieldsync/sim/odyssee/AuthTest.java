package com.fieldsync.sim.odyssee;

import static com.fieldsync.sim.odyssee.TestClient.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {
    private static OdysseeSimulator sim;

    @BeforeAll
    static void start() {
        sim = OdysseeSimulator.start("127.0.0.1", 0).requireBasicAuth("api:secret@acme");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void missingCredentialsAre401WithABasicChallenge() {
        TestClient.Reply reply = new TestClient(sim).get("api/Company");

        assertEquals(401, reply.status());
        assertEquals("Basic realm=\"odyssee\"", reply.header("WWW-Authenticate"));
    }

    @Test
    void wrongCredentialsAre401BeforeAnythingElseIsChecked() {
        TestClient wrong = new TestClient(sim).basic("api:wrong@acme");

        assertEquals(401, wrong.get("api/Company").status());
        assertEquals(401, wrong.get("api/NoSuchController").status());
        assertEquals(401, wrong.post("api/Company", "not json").status());
        assertEquals(0, sim.records("Company").size());
    }

    @Test
    void theRightCredentialsAreAccepted() {
        TestClient right = new TestClient(sim).basic("api:secret@acme");

        assertEquals(200, right.get("api/Company").status());
        assertEquals(
                201, right.post("api/User", obj("code", "U1", "username", "u")).status());
    }

    @Test
    void theControlSurfaceNeedsNoCredentials() {
        assertEquals(200, new TestClient(sim).get("_sim/calls").status());
    }
}
