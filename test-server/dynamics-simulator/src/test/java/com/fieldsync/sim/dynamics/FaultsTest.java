package com.fieldsync.sim.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fieldsync.sim.common.Fault;
import jakarta.json.JsonObject;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The common fault injection, matched by method and target: push, upload, pull, link, download, done. */
class FaultsTest extends SimulatorTest {
    private static final String ACME = customer("C1", "Acme").toXml();

    @Test
    void aStatusFaultOnPushAnswersPlainTextAndHandsOutNoSlot() {
        sim.faults().next("GET", "push", Fault.status(503));

        TestClient.Reply failed = askSlot("user1", "p1", ACME);

        assertEquals(503, failed.status());
        assertEquals("simulated 503", failed.body());
        assertTrue(failed.header("Content-Type").startsWith("text/plain"));
        assertTrue(sim.uploadSlots().isEmpty());
        assertEquals(200, askSlot("user1", "p1", ACME).status());
    }

    @Test
    void aFailedUploadStoresNothingAndTheSlotStillTakesTheRetry() {
        String uploadPath = slot("user1", "p1", ACME);
        sim.faults().next("PUT", "upload", Fault.status(500));

        assertEquals(500, client.put(uploadPath, ACME).status());
        assertTrue(sim.uploads().isEmpty());
        assertEquals(200, client.put(uploadPath, ACME).status());
        assertEquals(1, sim.uploads().size());
    }

    @Test
    void applyThenDropOnUploadStoresThePacketYetTheClientSeesAnIOException() {
        String uploadPath = slot("user1", "p1", ACME);
        sim.faults().next("PUT", "upload", Fault.applyThenDrop());

        assertThrows(IOException.class, () -> client.raw("PUT", uploadPath, ACME));

        assertEquals(1, sim.uploads().size());
        assertEquals(0, sim.calls("PUT", "upload").get(0).status());
    }

    @Test
    void dropConnectionOnPullDeliversNothing() {
        user1().send(customer("C1", "Acme"));
        // always: the JDK client retries an idempotent GET on a dropped connection by itself
        sim.faults().always("GET", "pull", Fault.dropConnection());

        assertThrows(IOException.class, () -> client.raw("GET", "pull/" + AREA, ""));

        sim.faults().clear();
        assertEquals(0, sim.pullQueue(AREA).get(0).deliveries());
        assertEquals(1, pull().size());
    }

    @Test
    void applyThenDropOnPullHidesThePacketUntilTheVisibilityTimeout() {
        InboundPacket sent = user1().send(customer("C1", "Acme"));
        sim.faults().always("GET", "pull", Fault.applyThenDrop());

        assertThrows(IOException.class, () -> client.raw("GET", "pull/" + AREA, ""));

        sim.faults().clear();
        assertTrue(sim.calls("GET", "pull").size() > 1, "the JDK client retried the GET");
        assertEquals(0, pull().size());
        sim.clock().advance(DynamicsSimulator.DEFAULT_VISIBILITY_TIMEOUT);
        assertEquals(sent.id(), pull().getJsonObject(0).getString("id"));
        assertEquals(2, sim.packet(sent.id()).orElseThrow().deliveries());
    }

    @Test
    void malformedBodyOnDownloadCutsThePacketInHalf() {
        String content = customer("C1", "Acme").toXml();
        user1().sendXml(content);
        String downloadUrl = link(pull().getJsonObject(0).getString("url"));
        sim.faults().next("GET", "download", Fault.malformedBody());

        TestClient.Reply cut = client.get(downloadUrl);

        assertEquals(200, cut.status());
        assertEquals(content.substring(0, content.length() / 2), cut.body());
        assertEquals(content, client.get(downloadUrl).body());
    }

    @Test
    void tooManyRequestsOnDoneAcknowledgesNothing() {
        user1().send(customer("C1", "Acme"));
        JsonObject listed = pull().getJsonObject(0);
        sim.faults().next("POST", "done", Fault.tooManyRequests(7));

        TestClient.Reply refused = done(listed);

        assertEquals(429, refused.status());
        assertEquals("7", refused.header("Retry-After"));
        assertTrue(sim.acknowledged().isEmpty());
        assertEquals(200, done(listed).status());
        assertEquals(1, sim.acknowledged().size());
    }

    @Test
    void faultsHitOnlyTheirTargetInOrder() {
        user1().send(customer("C1", "Acme"));
        sim.faults().next("GET", "link", Fault.status(502));
        sim.faults().next(null, "LINK", Fault.status(503));
        String url = pull().getJsonObject(0).getString("url");

        assertEquals(
                502,
                client.get("pull/" + AREA + "/link?path=" + TestClient.enc(url)).status());
        assertEquals(
                503,
                client.get("pull/" + AREA + "/link?path=" + TestClient.enc(url)).status());
        assertEquals(
                200,
                client.get("pull/" + AREA + "/link?path=" + TestClient.enc(url)).status());
        assertTrue(sim.faults().isEmpty());
    }

    @Test
    void aFaultIsPlayedBeforeTheKeyIsChecked() {
        sim.faults().always(null, null, Fault.status(500));

        assertEquals(
                500, new TestClient(sim.baseUrl(), null).get("pull/" + AREA).status());
        sim.faults().clear();
        assertEquals(
                401, new TestClient(sim.baseUrl(), null).get("pull/" + AREA).status());
    }

    @Test
    void latencyDelaysTheAnswerThenProcessesNormally() {
        sim.faults().next("GET", "pull", Fault.latency(150));

        long start = System.nanoTime();
        TestClient.Reply reply = client.get("pull/" + AREA);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(elapsedMillis >= 150, "answered after " + elapsedMillis + " ms");
        assertEquals(200, reply.status());
    }
}
