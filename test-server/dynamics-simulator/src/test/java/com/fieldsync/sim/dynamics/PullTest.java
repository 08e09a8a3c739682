package com.fieldsync.sim.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Pull: list, link, download; files apart from packets. */
class PullTest extends SimulatorTest {

    @Test
    void aPullListsWhatMobileUsersSentInArrivalOrder() {
        InboundPacket first = user1().send(customer("C1", "Acme"));
        InboundPacket second = sim.mobileUser(AREA, "user2").send(customer("C2", "Bolt"), PacketFormat.JSON);
        user1().sendFile("photo.jpg", new byte[] {1, 2, 3});

        JsonArray packets = pull();

        assertEquals(2, packets.size());
        JsonObject listed = packets.getJsonObject(0);
        assertEquals(first.id(), listed.getString("id"));
        assertEquals("user1", listed.getString("mobileUser"));
        assertEquals("xml", listed.getString("packetType"));
        assertEquals("push_done/DMDEV01/2024030108/user1/" + first.id() + ".xml", listed.getString("url"));
        assertTrue(listed.getString("receiptHandle").length() > 100, listed.getString("receiptHandle"));
        assertEquals(second.id(), packets.getJsonObject(1).getString("id"));
        assertEquals("json", packets.getJsonObject(1).getString("packetType"));
        assertTrue(packets.getJsonObject(1).getString("url").endsWith(".json"));
        assertEquals(1, sim.packet(first.id()).orElseThrow().deliveries());
        assertEquals(
                listed.getString("receiptHandle"),
                sim.packet(first.id()).orElseThrow().receiptHandle());
    }

    @Test
    void filesArePulledApartAndDownloadedByteForByte() {
        byte[] photo = {(byte) 0xFF, (byte) 0xD8, 0, (byte) 0x80, 10, 13};
        user1().send(customer("C1", "Acme"));
        InboundPacket file = user1().sendFile("site photo.jpg", photo);

        JsonArray files = pull("packetType=file&format=json");
        TestClient.Reply download = client.get(link(files.getJsonObject(0).getString("url")));

        assertEquals(1, files.size());
        assertEquals(file.id(), files.getJsonObject(0).getString("id"));
        assertEquals("file", files.getJsonObject(0).getString("packetType"));
        assertEquals(
                "files/DMDEV01/2024030108/user1/" + file.id() + "/site photo.jpg",
                files.getJsonObject(0).getString("url"));
        assertEquals(200, download.status());
        assertArrayEquals(photo, download.bytes());
        assertEquals("application/octet-stream", download.header("Content-Type"));
        assertEquals(1, pull().size());
    }

    @Test
    void aLinkDownloadsThePacketAsSent() {
        String sloppy = "<NavMobileSync salesmanCode=\"S01\"><table tablename=\"Customer\"><r status=\"inserted\">"
                + "<No>C1</No></r></table></NavMobileSync>";
        InboundPacket sent = user1().sendXml(sloppy);
        String url = pull().getJsonObject(0).getString("url");

        String downloadUrl = link(url);
        TestClient.Reply download = new TestClient(sim.serverUrl(), null).get(downloadUrl);

        assertTrue(downloadUrl.startsWith(sim.serverUrl() + "storage/download/"), downloadUrl);
        assertEquals(200, download.status());
        assertEquals(sloppy, download.body());
        assertTrue(download.header("Content-Type").startsWith("application/xml"));
        InboundPacket state = sim.packet(sent.id()).orElseThrow();
        assertEquals(1, state.links());
        assertEquals(1, state.downloads());
    }

    @Test
    void theLinkAnswersPlainText() {
        user1().send(customer("C1", "Acme"));
        String url = pull().getJsonObject(0).getString("url");

        TestClient.Reply reply = client.get("pull/" + AREA + "/link?path=" + TestClient.enc(url));

        assertTrue(reply.header("Content-Type").startsWith("text/plain"), reply.header("Content-Type"));
        assertTrue(reply.body().startsWith("http://"), reply.body());
    }

    @Test
    void anExpiredLinkIsRefusedAndANewLinkWorks() {
        user1().send(customer("C1", "Acme"));
        String url = pull().getJsonObject(0).getString("url");
        String stillValid = link(url);
        String expiring = link(url);

        sim.clock().advance(DynamicsSimulator.DEFAULT_LINK_VALIDITY.minusMillis(1));
        assertEquals(200, client.get(stillValid).status());
        sim.clock().advance(Duration.ofMillis(1));
        TestClient.Reply expired = client.get(expiring);

        assertEquals(403, expired.status());
        assertTrue(expired.body().contains("expired"), expired.body());
        assertEquals(200, client.get(link(url)).status());
    }

    @Test
    void theLinkValidityIsConfigurable() {
        sim.linkValidity(Duration.ofMinutes(1));
        user1().send(customer("C1", "Acme"));
        String downloadUrl = link(pull().getJsonObject(0).getString("url"));

        sim.clock().advance(Duration.ofMinutes(1));

        assertEquals(403, client.get(downloadUrl).status());
    }

    @Test
    void aTamperedDownloadUrlIsRefused() {
        user1().send(customer("C1", "Acme"));
        String downloadUrl = link(pull().getJsonObject(0).getString("url"));

        assertEquals(403, client.get(downloadUrl + "x").status());
        assertEquals(
                403,
                client.get(downloadUrl.substring(0, downloadUrl.indexOf('?'))).status());
        assertEquals(405, client.put(downloadUrl, "").status());
    }

    @Test
    void theLinkNeedsAStoragePathOfThisApplicationArea() {
        sim.appArea("OTHER", "other-key");
        sim.mobileUser("OTHER", "user1").send(customer("C1", "Acme"));
        String otherUrl = sim.pullQueue("OTHER").get(0).url();

        assertEquals(400, client.get("pull/" + AREA + "/link").status());
        assertEquals(
                404,
                client.get("pull/" + AREA + "/link?path=push_done/nosuch.xml").status());
        assertEquals(
                404,
                client.get("pull/" + AREA + "/link?path=" + TestClient.enc(otherUrl))
                        .status());
        assertEquals(
                200,
                new TestClient(sim.baseUrl(), "other-key")
                        .get("pull/OTHER/link?path=" + TestClient.enc(otherUrl))
                        .status());
    }

    @Test
    void anApplicationAreasPullSeesOnlyItsOwnPackets() {
        sim.appArea("OTHER", "other-key");
        sim.mobileUser("OTHER", "user1").send(customer("C1", "Acme"));

        assertEquals(0, pull().size());
        assertEquals(1, sim.pullQueue("other").size());
    }

    @Test
    void formatXmlListsTheSameFieldsInXml() {
        InboundPacket sent = user1().send(customer("C1", "Acme"));

        TestClient.Reply reply = client.get("pull/" + AREA + "?packetType=packet&format=xml");

        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("application/xml"));
        Element root = SafeXml.parse(reply.body()).getDocumentElement();
        assertEquals("response", root.getTagName());
        assertEquals("true", SafeXml.childText(root, "success"));
        Element packet = SafeXml.children(SafeXml.children(root).get(1)).get(0);
        assertEquals(sent.id(), SafeXml.childText(packet, "id"));
        assertEquals(sim.packet(sent.id()).orElseThrow().receiptHandle(), SafeXml.childText(packet, "receiptHandle"));
        assertEquals(sent.url(), SafeXml.childText(packet, "url"));
        assertEquals("user1", SafeXml.childText(packet, "mobileUser"));
        assertEquals("xml", SafeXml.childText(packet, "packetType"));
    }

    @Test
    void withoutParametersAPullListsPacketsInJson() {
        user1().send(customer("C1", "Acme"));
        user1().sendFile("a.txt", new byte[] {1});

        TestClient.Reply reply = client.get("pull/" + AREA);

        assertTrue(reply.header("Content-Type").startsWith("application/json"));
        JsonArray packets = reply.json().getJsonArray("packets");
        assertEquals(1, packets.size());
        assertEquals("xml", packets.getJsonObject(0).getString("packetType"));
    }

    @Test
    void badPullParametersAre400() {
        assertEquals(400, client.get("pull/" + AREA + "?packetType=xml").status());
        assertEquals(400, client.get("pull/" + AREA + "?format=csv").status());
        assertEquals(405, client.post("pull/" + AREA, "").status());
        assertEquals(404, client.get("pull/" + AREA + "/nosuch").status());
        assertEquals(404, client.get("pull/" + AREA + "/2").status());
        assertEquals(404, client.get("pull/" + AREA + "/link/x").status());
    }

    @Test
    void aPullListsAtMostABatch() {
        for (int i = 0; i < 12; i++) {
            user1().send(customer("C" + i, "Customer " + i));
        }

        assertEquals(10, pull().size());
        assertEquals(2, pull().size());
        assertEquals(0, pull().size());

        sim.pullBatchSize(3);
        sim.clock().advance(DynamicsSimulator.DEFAULT_VISIBILITY_TIMEOUT);
        assertEquals(3, pull().size());
    }

    @Test
    void aHugePacketIsDownloadedWhole() {
        byte[] huge = new byte[20 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        user1().sendRaw(PacketFormat.XML, huge);

        TestClient.Reply download = client.get(link(pull().getJsonObject(0).getString("url")));

        assertEquals(200, download.status());
        assertEquals(huge.length, download.bytes().length);
    }

    @Test
    void sloppyHostileAndRawContentIsServedAsSent() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<NavMobileSync><table tablename=\"T\"><r><F>&x;</F></r></table></NavMobileSync>";
        byte[] latin1 = "<NavMobileSync salesmancode=\"Ø\"/>".getBytes(StandardCharsets.ISO_8859_1);
        user1().sendXml(xxe);
        user1().sendJson("{\"tables\":[");
        user1().sendRaw(PacketFormat.XML, latin1);

        List<String> urls = pull().stream()
                .map(entry -> entry.asJsonObject().getString("url"))
                .toList();

        assertEquals(xxe, client.get(link(urls.get(0))).body());
        assertEquals("{\"tables\":[", client.get(link(urls.get(1))).body());
        assertArrayEquals(latin1, client.get(link(urls.get(2))).bytes());
    }
}
