package com.fieldsync.sim.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Push: an upload slot, then a PUT of the packet to its URL before it expires. */
class PushTest extends SimulatorTest {
    private static final String ACME = customer("C1", "Acme").toXml();

    @Test
    void aSlotThenAPutStoresThePacketForTheMobileUser() {
        TestClient.Reply slot = askSlot("user1", "pkt-1", ACME);
        String uploadPath = slot.json().getString("uploadPath");

        TestClient.Reply upload = client.put(uploadPath, ACME);

        assertEquals(200, slot.status());
        assertEquals(true, slot.json().getBoolean("success"));
        assertTrue(uploadPath.startsWith(sim.serverUrl() + "storage/upload/"), uploadPath);
        assertEquals(200, upload.status());
        Upload stored = sim.uploads().get(0);
        assertEquals(slot.json().getString("syncLogId"), stored.syncLogId());
        assertEquals(AREA, stored.appArea());
        assertEquals("user1", stored.mobileUser());
        assertEquals("pkt-1", stored.packetUniqueId());
        assertEquals(PacketFormat.XML, stored.format());
        assertEquals(ACME, stored.text());
        assertEquals(T0, stored.uploadedAt());
        assertEquals(customer("C1", "Acme"), stored.packet());
        assertEquals(List.of(stored), user1().received());
        assertEquals(List.of(customer("C1", "Acme")), user1().receivedPackets());
        UploadSlot issued = sim.uploadSlots().get(0);
        assertEquals(T0.plus(DynamicsSimulator.DEFAULT_UPLOAD_SLOT_VALIDITY), issued.expiresAt());
        assertEquals(ACME.getBytes(StandardCharsets.UTF_8).length, issued.size());
        assertEquals(uploadPath, issued.uploadUrl());
    }

    @Test
    void anExpiredSlotIsRefusedAndANewSlotTakesTheUpload() {
        String early = slot("user1", "pkt-1", ACME);
        String late = slot("user1", "pkt-1", ACME);
        sim.clock().advance(DynamicsSimulator.DEFAULT_UPLOAD_SLOT_VALIDITY.minusMillis(1));
        assertEquals(200, client.put(early, ACME).status());

        sim.clock().advance(Duration.ofMillis(1));
        TestClient.Reply expired = client.put(late, ACME);

        assertEquals(403, expired.status());
        assertTrue(expired.body().contains("expired"), expired.body());
        assertEquals(1, sim.uploads().size());
        assertEquals(200, client.put(slot("user1", "pkt-1", ACME), ACME).status());
        assertEquals(2, sim.uploads().size());
        assertEquals(1, sim.distinctUploads().size());
    }

    @Test
    void theUploadSlotValidityIsConfigurable() {
        sim.uploadSlotValidity(Duration.ofSeconds(5));
        String uploadPath = slot("user1", "pkt-1", ACME);

        sim.clock().advance(Duration.ofSeconds(5));

        assertEquals(403, client.put(uploadPath, ACME).status());
        assertEquals(Duration.ofSeconds(5), sim.uploadSlotValidity());
    }

    @Test
    void everyUploadIsKeptAndDistinctUploadsCountEachPacketUniqueIdOnce() {
        String retried = customer("C1", "Acme Ltd").toXml();
        String first = slot("user1", "pkt-1", ACME);
        String other = slot("user2", "pkt-2", ACME);
        String second = slot("user1", "pkt-1", retried);

        client.put(first, ACME);
        client.put(other, ACME);
        client.put(second, retried);

        assertEquals(3, sim.uploads().size());
        List<Upload> distinct = sim.distinctUploads();
        assertEquals(2, distinct.size());
        assertEquals("pkt-1", distinct.get(0).packetUniqueId());
        assertEquals(retried, distinct.get(0).text());
        assertEquals("pkt-2", distinct.get(1).packetUniqueId());
        assertEquals(2, user1().received().size());
        assertNotEquals(
                sim.uploadSlots().get(0).syncLogId(), sim.uploadSlots().get(2).syncLogId());
    }

    @Test
    void aSlotTakesRepeatedPutsUntilItExpires() {
        String uploadPath = slot("user1", "pkt-1", ACME);

        assertEquals(200, client.put(uploadPath, ACME).status());
        assertEquals(200, client.put(uploadPath, ACME).status());

        assertEquals(2, sim.uploads().size());
        assertEquals(1, sim.distinctUploads().size());
    }

    @Test
    void theSlotRequestNeedsEachParameter() {
        String push = "push/" + AREA + "/user1?";

        assertEquals(400, client.get(push + "size=1&packetType=xml").status());
        assertEquals(
                400, client.get(push + "packetUniqueId=&size=1&packetType=xml").status());
        assertEquals(400, client.get(push + "packetUniqueId=p&packetType=xml").status());
        assertEquals(
                400,
                client.get(push + "packetUniqueId=p&size=abc&packetType=xml").status());
        assertEquals(
                400,
                client.get(push + "packetUniqueId=p&size=-1&packetType=xml").status());
        assertEquals(400, client.get(push + "packetUniqueId=p&size=1").status());
        TestClient.Reply csv = client.get(push + "packetUniqueId=p&size=1&packetType=csv");
        assertEquals(400, csv.status());
        assertTrue(csv.body().contains("packetType"), csv.body());
        assertEquals(
                200,
                client.get(push + "packetUniqueId=p&size=1&packetType=JSON").status());
        assertEquals(1, sim.uploadSlots().size());
    }

    @Test
    void anUploadOfAnotherSizeThanDeclaredIsRefused() {
        String content = customer("C1", "Åcme").toXml();
        TestClient.Reply slot =
                client.get("push/" + AREA + "/user1?packetUniqueId=p&size=" + content.length() + "&packetType=xml");

        TestClient.Reply upload = client.put(slot.json().getString("uploadPath"), content);

        assertEquals(400, upload.status());
        assertTrue(upload.body().contains("bytes"), upload.body());
        assertTrue(sim.uploads().isEmpty());
    }

    @Test
    void aTamperedOrShortenedUploadUrlIsRefused() {
        String uploadPath = slot("user1", "pkt-1", ACME);
        String withoutQuery = uploadPath.substring(0, uploadPath.indexOf('?'));

        assertEquals(403, client.put(uploadPath + "x", ACME).status());
        assertEquals(403, client.put(withoutQuery, ACME).status());
        assertEquals(
                403,
                client.put(sim.serverUrl() + "storage/upload/nosuch?signature=x", ACME)
                        .status());
        assertEquals(
                404, client.put(sim.serverUrl() + "storage/elsewhere/x", ACME).status());
        assertTrue(sim.uploads().isEmpty());
    }

    @Test
    void onlyGetAsksForASlotAndOnlyPutUploads() {
        String uploadPath = slot("user1", "pkt-1", ACME);

        TestClient.Reply post = client.post("push/" + AREA + "/user1?packetUniqueId=p&size=1&packetType=xml", "");

        assertEquals(405, post.status());
        assertEquals("GET", post.header("Allow"));
        assertEquals(405, client.post(uploadPath, ACME).status());
        assertEquals(404, client.get("push/" + AREA).status());
        assertEquals(404, client.get("nosuch/" + AREA).status());
    }

    @Test
    void aJsonPacketIsStoredAsSentAndReadInTheJsonShape() {
        String json = customer("C1", "Acme").toJson();
        TestClient.Reply slot = client.get("push/" + AREA + "/user1?packetUniqueId=j1&size="
                + json.getBytes(StandardCharsets.UTF_8).length + "&packetType=json");

        assertEquals(200, client.put(slot.json().getString("uploadPath"), json).status());

        Upload upload = sim.uploads().get(0);
        assertEquals(PacketFormat.JSON, upload.format());
        assertEquals(json, upload.text());
        assertEquals(customer("C1", "Acme"), upload.packet());
    }

    @Test
    void mobileUserNamesArePercentDecodedPathSegments() {
        String uploadPath = client.get("push/" + AREA + "/jane%20doe+x@example.com?packetUniqueId=p&size="
                        + ACME.length() + "&packetType=xml")
                .json()
                .getString("uploadPath");

        client.put(uploadPath, ACME);

        assertEquals("jane doe+x@example.com", sim.uploads().get(0).mobileUser());
    }

    @Test
    void whenRequiredOnlyKnownMobileUsersGetASlot() {
        sim.requireKnownMobileUsers(true);

        TestClient.Reply unknown = askSlot("stranger", "p1", ACME);
        user1();

        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("stranger"), unknown.body());
        assertEquals(200, askSlot("user1", "p1", ACME).status());
    }

    @Test
    void aHugePacketIsTakenWhole() {
        String huge = SyncPacket.builder("S01")
                .insert("Blob", "Data", "x".repeat(20 * 1024 * 1024))
                .build()
                .toXml();

        assertEquals(200, client.put(slot("user1", "big", huge), huge).status());

        assertEquals(huge.length(), sim.uploads().get(0).content().length);
    }
}
