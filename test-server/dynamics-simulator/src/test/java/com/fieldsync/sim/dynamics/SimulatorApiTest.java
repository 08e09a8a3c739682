package com.fieldsync.sim.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.sim.common.Call;
import com.fieldsync.sim.common.Fault;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java API around the HTTP one: call log, reset, base prefix, mobile users, and the /_sim/ surface. */
class SimulatorApiTest extends SimulatorTest {
    private static final TestClient control = new TestClient("", null);

    @Test
    void theCallLogNamesEachCallsTargetInArrivalOrder() {
        String content = customer("C1", "Acme").toXml();
        user1().send(customer("C2", "Bolt"));
        String uploadPath = slot("user1", "p1", content);
        client.put(uploadPath, content);
        JsonObject listed = pull().getJsonObject(0);
        client.get(link(listed.getString("url")));
        done(listed);
        client.get("nosuch");

        List<Call> calls = sim.calls();

        assertEquals(
                List.of("push", "upload", "pull", "link", "download", "done"),
                calls.subList(0, 6).stream().map(Call::target).toList());
        assertNull(calls.get(6).target());
        assertEquals(404, calls.get(6).status());
        Call push = calls.get(0);
        assertEquals("GET", push.method());
        assertEquals("/mobile/erp/push/" + AREA + "/user1", push.path());
        assertEquals("p1", push.param("packetUniqueId"));
        assertEquals(200, push.status());
        assertEquals(content, calls.get(1).requestBody());
        assertTrue(calls.get(5).requestBody().contains(listed.getString("receiptHandle")));
        assertEquals(1, sim.calls("put", "UPLOAD").size());
        sim.clearCalls();
        assertTrue(sim.calls().isEmpty());
    }

    @Test
    void resetClearsTheStateButKeepsAreasUsersSettingsAndClock() {
        sim.appArea("OTHER", "other-key");
        sim.requireKnownMobileUsers(true);
        sim.linkValidity(Duration.ofMinutes(3));
        user1().send(customer("C1", "Acme"));
        String content = customer("C1", "Acme").toXml();
        client.put(slot("user1", "p1", content), content);
        done(pull().getJsonObject(0));
        sim.faults().always(null, null, Fault.status(500));

        sim.reset();

        assertTrue(sim.packets().isEmpty());
        assertTrue(sim.uploads().isEmpty());
        assertTrue(sim.uploadSlots().isEmpty());
        assertTrue(sim.doneEntries().isEmpty());
        assertTrue(sim.faults().isEmpty());
        assertTrue(sim.calls().isEmpty());
        assertEquals("other-key", sim.apiKey("OTHER").orElseThrow());
        assertEquals(200, askSlot("user1", "p2", content).status());
        assertEquals(Duration.ofMinutes(3), sim.linkValidity());
        assertEquals(T0, sim.clock().now());
    }

    @Test
    void theBasePrefixIsConfigurable() {
        try (DynamicsSimulator erp = DynamicsSimulator.start("127.0.0.1", 0, "erp/");
                DynamicsSimulator root = DynamicsSimulator.start("127.0.0.1", 0, "")) {
            erp.appArea(AREA, KEY);
            root.appArea(AREA, KEY);

            assertEquals(erp.serverUrl() + "erp/", erp.baseUrl());
            assertEquals("erp/", erp.basePrefix());
            assertEquals(
                    200, new TestClient(erp.baseUrl(), KEY).get("pull/" + AREA).status());
            assertEquals(
                    404,
                    new TestClient(erp.serverUrl(), KEY)
                            .get("mobile/erp/pull/" + AREA)
                            .status());
            assertEquals("pull", erp.calls().get(0).target());
            assertEquals(root.serverUrl(), root.baseUrl());
            assertEquals(
                    200, new TestClient(root.baseUrl(), KEY).get("pull/" + AREA).status());
        }
        assertThrows(IllegalArgumentException.class, () -> DynamicsSimulator.start("127.0.0.1", 0, "/erp"));
        assertThrows(IllegalArgumentException.class, () -> DynamicsSimulator.start("127.0.0.1", 0, "erp"));
        assertThrows(IllegalArgumentException.class, () -> DynamicsSimulator.start("127.0.0.1", 0, "storage/"));
        assertThrows(IllegalArgumentException.class, () -> DynamicsSimulator.start("127.0.0.1", 0, "a//"));
    }

    @Test
    void mobileUsersAndTheirSendsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> sim.mobileUser("NOTSERVED", "u"));
        assertThrows(IllegalArgumentException.class, () -> sim.mobileUser(AREA, "a/b"));
        assertThrows(IllegalArgumentException.class, () -> sim.mobileUser(AREA, " "));
        assertThrows(IllegalArgumentException.class, () -> user1().sendFile("../x", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> sim.appArea("bad area", "k"));
        assertThrows(IllegalArgumentException.class, () -> sim.appArea("X", ""));
        assertThrows(IllegalArgumentException.class, () -> sim.pullBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> sim.linkValidity(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> sim.visibilityTimeout(Duration.ofSeconds(-1)));
        MobileUser user = sim.mobileUser("dmdev01", "user1");
        assertEquals(AREA, user.appArea());
        assertEquals("user1@" + AREA, user.toString());
    }

    @Test
    void theControlApiLetsMobileUsersSendAndShowsTheQueue() {
        String base = sim.serverUrl() + "_sim/";
        String packet = customer("C1", "Acme").toXml();

        TestClient.Reply sent = control.post(
                base + "packets",
                Json.createObjectBuilder()
                        .add("appArea", AREA)
                        .add("mobileUser", "user1")
                        .add("format", "xml")
                        .add("content", packet)
                        .build()
                        .toString());
        TestClient.Reply file = control.post(
                base + "files",
                Json.createObjectBuilder()
                        .add("appArea", AREA)
                        .add("mobileUser", "user1")
                        .add("fileName", "a.bin")
                        .add("contentBase64", Base64.getEncoder().encodeToString(new byte[] {0, 1, 2}))
                        .build()
                        .toString());
        JsonObject listed = pull().getJsonObject(0);
        done(listed);
        JsonArray packets = control.get(base + "packets").array();
        JsonArray doneEntries = control.get(base + "done").array();

        assertEquals(201, sent.status());
        assertEquals(sent.json().getString("id"), listed.getString("id"));
        assertEquals(201, file.status());
        assertEquals("file", file.json().getString("packetType"));
        assertEquals(2, packets.size());
        assertEquals(1, packets.getJsonObject(0).getInt("deliveries"));
        assertFalse(packets.getJsonObject(0).isNull("doneAt"));
        assertTrue(packets.getJsonObject(1).isNull("receiptHandle"));
        assertEquals("ACKNOWLEDGED", doneEntries.getJsonObject(0).getString("outcome"));
        assertEquals(
                400,
                control.post(base + "packets", "{\"appArea\":\"" + AREA + "\"}").status());
        assertTrue(sim.calls().stream().noneMatch(call -> call.path().startsWith("/_sim/")));
    }

    @Test
    void theControlApiShowsUploadsAndSetsAreasSettingsFaultsAndTheClock() {
        String base = sim.serverUrl() + "_sim/";
        String content = customer("C1", "Acme").toXml();
        client.put(slot("user1", "p1", content), content);
        client.put(slot("user1", "p1", content), content);

        JsonArray uploads = control.get(base + "uploads").array();
        JsonArray distinct = control.get(base + "uploads/distinct").array();
        assertEquals(2, uploads.size());
        assertEquals(1, distinct.size());
        assertEquals(content, uploads.getJsonObject(0).getString("content"));
        assertEquals("p1", uploads.getJsonObject(0).getString("packetUniqueId"));

        assertEquals(
                204,
                control.post(base + "app-areas", "{\"appArea\":\"third\",\"apiKey\":\"k3\"}")
                        .status());
        assertEquals("THIRD", control.get(base + "app-areas").array().getString(2));
        assertEquals(200, new TestClient(sim.baseUrl(), "k3").get("pull/THIRD").status());
        assertEquals(
                204,
                control.post(base + "mobile-users", "{\"appArea\":\"third\",\"mobileUser\":\"u3\"}")
                        .status());

        JsonObject settings = control.post(
                        base + "settings",
                        "{\"linkValidityMillis\":60000,\"uploadSlotValidityMillis\":1000,"
                                + "\"visibilityTimeoutMillis\":0,\"pullBatchSize\":2,\"knownMobileUsersOnly\":true}")
                .json();
        assertEquals(60000, settings.getInt("linkValidityMillis"));
        assertEquals(Duration.ofSeconds(1), sim.uploadSlotValidity());
        assertEquals(Duration.ZERO, sim.visibilityTimeout());
        assertEquals(2, sim.pullBatchSize());
        assertTrue(sim.knownMobileUsersRequired());
        assertEquals(
                400, control.post(base + "settings", "{\"pullBatchSize\":0}").status());

        assertEquals(
                204,
                control.post(
                                base + "faults",
                                "{\"method\":\"GET\",\"target\":\"pull\",\"fault\":\"status\"," + "\"value\":503}")
                        .status());
        assertEquals(503, client.get("pull/" + AREA).status());
        JsonObject clock =
                control.post(base + "clock", "{\"advanceMillis\":1500}").json();
        assertEquals(T0.plusMillis(1500).toString(), clock.getString("now"));
        assertTrue(clock.getBoolean("stopped"));
        assertEquals(404, control.get(base + "nosuch").status());
        assertEquals(
                new String(control.get(base + "calls").bytes(), StandardCharsets.UTF_8).contains("\"target\":\"pull\""),
                true);
        assertEquals(204, control.method("DELETE", base + "calls", "").status());
        assertTrue(sim.calls().isEmpty());
        assertEquals(204, control.post(base + "reset", "").status());
        assertTrue(sim.uploads().isEmpty());
    }
}
