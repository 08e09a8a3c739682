package com.fieldsync.sim.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** done with the current receipt handle, and redelivery with a new one of what is not done. */
class DoneTest extends SimulatorTest {

    @Test
    void doneWithTheCurrentHandleRemovesThePacketForGood() {
        InboundPacket sent = user1().send(customer("C1", "Acme"));
        JsonObject listed = pull().getJsonObject(0);

        TestClient.Reply reply = done(listed);

        assertEquals(200, reply.status());
        assertEquals(true, reply.json().getBoolean("success"));
        sim.clock().advance(Duration.ofHours(1));
        assertEquals(0, pull().size());
        assertTrue(sim.pullQueue(AREA).isEmpty());
        assertEquals(sent.id(), sim.acknowledged().get(0).id());
        assertEquals(T0, sim.acknowledged().get(0).doneAt());
        assertEquals(DoneEntry.Outcome.ACKNOWLEDGED, sim.doneEntries().get(0).outcome());
    }

    @Test
    void aPacketNotDoneComesBackAfterTheVisibilityTimeoutWithANewHandle() {
        InboundPacket sent = user1().send(customer("C1", "Acme"));
        JsonObject first = pull().getJsonObject(0);

        assertEquals(0, pull().size());
        sim.clock().advance(DynamicsSimulator.DEFAULT_VISIBILITY_TIMEOUT.minusMillis(1));
        assertEquals(0, pull().size());
        sim.clock().advance(Duration.ofMillis(1));
        JsonObject again = pull().getJsonObject(0);

        assertEquals(sent.id(), again.getString("id"));
        assertEquals(first.getString("url"), again.getString("url"));
        assertNotEquals(first.getString("receiptHandle"), again.getString("receiptHandle"));
        assertEquals(2, sim.packet(sent.id()).orElseThrow().deliveries());
    }

    @Test
    void aStaleHandleDoesNotAcknowledgeAndThePacketComesBack() {
        user1().send(customer("C1", "Acme"));
        JsonObject first = pull().getJsonObject(0);
        sim.clock().advance(DynamicsSimulator.DEFAULT_VISIBILITY_TIMEOUT);
        JsonObject second = pull().getJsonObject(0);

        TestClient.Reply stale = done(first);

        assertEquals(200, stale.status());
        assertEquals(true, stale.json().getBoolean("success"));
        assertEquals(
                DoneEntry.Outcome.STALE_RECEIPT_HANDLE, sim.doneEntries().get(0).outcome());
        assertEquals(1, sim.pullQueue(AREA).size());
        sim.clock().advance(DynamicsSimulator.DEFAULT_VISIBILITY_TIMEOUT);
        JsonObject third = pull().getJsonObject(0);
        assertEquals(first.getString("id"), third.getString("id"));

        done(second);
        assertEquals(
                DoneEntry.Outcome.STALE_RECEIPT_HANDLE, sim.doneEntries().get(1).outcome());
        done(third);
        assertEquals(DoneEntry.Outcome.ACKNOWLEDGED, sim.doneEntries().get(2).outcome());
        assertTrue(sim.pullQueue(AREA).isEmpty());
    }

    @Test
    void theLastHandleStillAcknowledgesAfterTheTimeoutUntilTheNextPull() {
        user1().send(customer("C1", "Acme"));
        JsonObject listed = pull().getJsonObject(0);

        sim.clock().advance(Duration.ofMinutes(10));
        done(listed);

        assertEquals(DoneEntry.Outcome.ACKNOWLEDGED, sim.doneEntries().get(0).outcome());
        assertEquals(0, pull().size());
    }

    @Test
    void withAZeroVisibilityTimeoutTheNextPullListsItAgain() {
        sim.visibilityTimeout(Duration.ZERO);
        user1().send(customer("C1", "Acme"));

        JsonObject first = pull().getJsonObject(0);
        JsonObject second = pull().getJsonObject(0);

        assertEquals(first.getString("id"), second.getString("id"));
        assertNotEquals(first.getString("receiptHandle"), second.getString("receiptHandle"));
    }

    @Test
    void theVisibilityTimeoutIsConfigurable() {
        sim.visibilityTimeout(Duration.ofMinutes(5));
        user1().send(customer("C1", "Acme"));
        pull();

        sim.clock().advance(Duration.ofMinutes(4));
        assertEquals(0, pull().size());
        sim.clock().advance(Duration.ofMinutes(1));
        assertEquals(1, pull().size());
    }

    @Test
    void oneDoneAcknowledgesEveryEntryWithItsCurrentHandleAndIgnoresTheRest() {
        user1().send(customer("C1", "Acme"));
        user1().send(customer("C2", "Bolt"));
        user1().send(customer("C3", "Cog"));
        List<JsonObject> listed = pull().stream().map(JsonObject.class::cast).toList();
        JsonObject forged = Json.createObjectBuilder(listed.get(2))
                .add("receiptHandle", "forged")
                .build();

        done(listed.get(0), listed.get(1), forged);

        assertEquals(2, sim.acknowledged().size());
        assertEquals(1, sim.pullQueue(AREA).size());
        assertEquals(
                DoneEntry.Outcome.STALE_RECEIPT_HANDLE, sim.doneEntries().get(2).outcome());
    }

    @Test
    void theXmlFormAcknowledgesToo() {
        user1().send(customer("C1", "Acme"));
        user1().send(customer("C2", "Bolt"));
        List<JsonObject> listed = pull().stream().map(JsonObject.class::cast).toList();
        StringBuilder xml = new StringBuilder("<messages>\n");
        for (JsonObject entry : listed) {
            xml.append("  <message><id>")
                    .append(entry.getString("id"))
                    .append("</id><receiptHandle>")
                    .append(entry.getString("receiptHandle"))
                    .append("</receiptHandle></message>\n");
        }
        xml.append("</messages>");

        TestClient.Reply reply =
                client.post("pull/" + AREA + "/done?format=xml", xml.toString(), "Content-Type", "application/xml");

        assertEquals(200, reply.status(), reply.body());
        assertEquals(true, reply.json().getBoolean("success"));
        assertEquals(2, sim.acknowledged().size());
    }

    @Test
    void aMalformedDoneBodyIs400AndAcknowledgesNothing() {
        user1().send(customer("C1", "Acme"));
        JsonObject listed = pull().getJsonObject(0);
        String id = listed.getString("id");
        String handle = listed.getString("receiptHandle");
        String json = "pull/" + AREA + "/done?format=json";
        String xml = "pull/" + AREA + "/done?format=xml";
        String docsSample =
                "<messages>\n <message><id>" + id + "</id><receiptHandle>" + handle + "</receiptHandle>,\n<messages>";

        assertEquals(
                400,
                client.post(json, "{\"id\":\"" + id + "\",\"receiptHandle\":\"" + handle + "\"}")
                        .status());
        assertEquals(400, client.post(json, "[{\"id\":\"" + id + "\"}]").status());
        assertEquals(
                400,
                client.post(json, "[{\"id\":\"" + id + "\",\"receiptHandle\":\"" + handle + "\"},")
                        .status());
        assertEquals(400, client.post(json, "").status());
        assertEquals(400, client.post(xml, docsSample).status());
        assertEquals(400, client.post(xml, "<receipts/>").status());
        assertEquals(
                400,
                client.post(xml, "<messages><message><id>" + id + "</id></message></messages>")
                        .status());
        assertEquals(400, client.post("pull/" + AREA + "/done?format=csv", "[]").status());
        assertEquals(405, client.get(json).status());
        assertTrue(sim.acknowledged().isEmpty());
        assertTrue(sim.doneEntries().isEmpty());
    }

    @Test
    void anXxeDoneBodyIsRefusedAndNothingIsReadFromDisk(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
        user1().send(customer("C1", "Acme"));
        JsonObject listed = pull().getJsonObject(0);
        String external = "<?xml version=\"1.0\"?><!DOCTYPE messages [<!ENTITY id SYSTEM \""
                + secret.toUri() + "\">]><messages><message><id>&id;</id><receiptHandle>"
                + listed.getString("receiptHandle") + "</receiptHandle></message></messages>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE messages [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + "<messages><message><id>&c;</id><receiptHandle>h</receiptHandle></message></messages>";

        TestClient.Reply refused = client.post("pull/" + AREA + "/done?format=xml", external);

        assertEquals(400, refused.status());
        assertFalse(refused.body().contains("TOP-SECRET"), refused.body());
        assertTrue(refused.body().contains("DOCTYPE"), refused.body());
        assertEquals(
                400, client.post("pull/" + AREA + "/done?format=xml", laughs).status());
        assertTrue(sim.doneEntries().isEmpty());
        assertTrue(sim.acknowledged().isEmpty());
    }

    @Test
    void unknownIdsOtherAreasAndPacketsAlreadyDoneAreIgnored() {
        sim.appArea("OTHER", "other-key");
        user1().send(customer("C1", "Acme"));
        JsonObject listed = pull().getJsonObject(0);
        String body = "[{\"id\":\"" + listed.getString("id") + "\",\"receiptHandle\":\""
                + listed.getString("receiptHandle") + "\"}]";

        TestClient.Reply elsewhere =
                new TestClient(sim.baseUrl(), "other-key").post("pull/OTHER/done?format=json", body);
        done(listed);
        done(listed);
        client.post("pull/" + AREA + "/done", "[{\"id\":\"nosuch\",\"receiptHandle\":\"h\"}]");

        assertEquals(200, elsewhere.status());
        List<DoneEntry> entries = sim.doneEntries();
        assertEquals(DoneEntry.Outcome.UNKNOWN_ID, entries.get(0).outcome());
        assertEquals("OTHER", entries.get(0).appArea());
        assertEquals(DoneEntry.Outcome.ACKNOWLEDGED, entries.get(1).outcome());
        assertEquals(DoneEntry.Outcome.ALREADY_DONE, entries.get(2).outcome());
        assertEquals(DoneEntry.Outcome.UNKNOWN_ID, entries.get(3).outcome());
        assertEquals(1, sim.acknowledged().size());
    }

    @Test
    void anEmptyDoneIsASuccess() {
        assertEquals(
                200, client.post("pull/" + AREA + "/done?format=json", "[]").status());
        assertEquals(
                200,
                client.post("pull/" + AREA + "/done?format=xml", "<messages/>").status());
    }
}
