package com.fieldsync.sim.resco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** HTTP Basic with the organisation's user, on the whole API but not on /_sim/. */
class AuthTest extends SimulatorTest {

    @Test
    void withoutOrWithWrongCredentialsTheApiAnswers401WithAChallenge() {
        sim.requireBasicAuth("user", "password");

        TestClient.Reply anonymous = client.get("account");
        TestClient.Reply wrong =
                new TestClient(sim.baseUrl()).basic("user", "nope").get("account");

        assertEquals(401, anonymous.status());
        assertTrue(
                anonymous.header("WWW-Authenticate").startsWith("Basic realm="), anonymous.header("WWW-Authenticate"));
        assertEquals("Unauthorized", anonymous.json().getJsonObject("error").getString("code"));
        assertEquals(401, wrong.status());
        assertEquals(401, client.get("$metadata").status());
        assertEquals(401, client.get("").status());
    }

    @Test
    void theRightCredentialsAreLetThrough() {
        sim.requireBasicAuth("user", "password");
        TestClient authenticated = new TestClient(sim.baseUrl()).basic("user", "password");

        assertEquals(200, authenticated.get("account").status());
        assertEquals(200, authenticated.get("$metadata").status());
        assertEquals(401, client.get("account").status());
    }

    @Test
    void nullTurnsAuthOffAndTheControlApiNeverAsks() {
        sim.requireBasicAuth("user", "password");
        assertEquals(200, new TestClient(sim.serverUrl()).get("_sim/calls").status());

        sim.requireBasicAuth(null, null);
        assertEquals(200, client.get("account").status());
    }
}
