package com.fieldsync.sim.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code x-api-key}, per application area, on the four API calls; storage URLs are signed instead. */
class AuthTest extends SimulatorTest {

    @Test
    void withoutAKeyEveryApiCallAnswers401InPlainText() {
        TestClient anonymous = new TestClient(sim.baseUrl(), null);

        TestClient.Reply push = anonymous.get("push/" + AREA + "/user1?packetUniqueId=p1&size=1&packetType=xml");

        assertEquals(401, push.status());
        assertTrue(push.header("Content-Type").startsWith("text/plain"), push.header("Content-Type"));
        assertTrue(push.body().contains("x-api-key"), push.body());
        assertEquals(401, anonymous.get("pull/" + AREA).status());
        assertEquals(401, anonymous.get("pull/" + AREA + "/link?path=x").status());
        assertEquals(401, anonymous.post("pull/" + AREA + "/done", "[]").status());
        assertTrue(sim.uploadSlots().isEmpty());
    }

    @Test
    void aWrongKeyAnotherAreasKeyOrAnAreaNotServedIs401() {
        sim.appArea("OTHER", "other-key");

        assertEquals(
                401, new TestClient(sim.baseUrl(), "nope").get("pull/" + AREA).status());
        assertEquals(
                401,
                new TestClient(sim.baseUrl(), "other-key").get("pull/" + AREA).status());
        assertEquals(401, client.get("pull/NOTSERVED").status());
        assertEquals(
                200,
                new TestClient(sim.baseUrl(), "other-key").get("pull/other").status());
        assertEquals(200, client.get("pull/" + AREA).status());
    }

    @Test
    void applicationAreaCodesAreCaseInsensitive() {
        user1().send(customer("C1", "Acme"));

        TestClient.Reply pull = client.get("pull/dmDev01");

        assertEquals(200, pull.status(), pull.body());
        assertTrue(pull.json()
                .getJsonArray("packets")
                .getJsonObject(0)
                .getString("url")
                .startsWith("push_done/DMDEV01/"));
    }

    @Test
    void changingTheKeyRefusesTheOldOne() {
        sim.appArea(AREA, "rotated");

        assertEquals(401, client.get("pull/" + AREA).status());
        assertEquals(
                200,
                new TestClient(sim.baseUrl(), "rotated").get("pull/" + AREA).status());
        assertEquals("rotated", sim.apiKey("dmdev01").orElseThrow());
    }

    @Test
    void storageUrlsAndTheControlApiNeedNoKey() {
        String content = customer("C1", "Acme").toXml();
        String uploadPath = slot("user1", "p1", content);
        TestClient anonymous = new TestClient(sim.serverUrl(), null);

        assertEquals(200, anonymous.put(uploadPath, content).status());
        assertEquals(200, anonymous.get("_sim/calls").status());
        assertEquals(1, sim.uploads().size());
    }
}
