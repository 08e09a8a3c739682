package com.fieldsync.sim.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One simulator per test class on a random port serving {@value #AREA}, emptied before each test, with default
 * settings and its clock stopped at {@link #T0}; plus the calls of the wire contract as helpers.
 */
abstract class SimulatorTest {
    static final String AREA = "DMDEV01";
    static final String KEY = "12321313";
    static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

    static DynamicsSimulator sim;
    static TestClient client;

    @BeforeAll
    static void start() {
        sim = DynamicsSimulator.start("127.0.0.1", 0, DynamicsSimulator.DEFAULT_BASE_PREFIX);
        sim.appArea(AREA, KEY);
        client = new TestClient(sim.baseUrl(), KEY);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
        sim.appArea(AREA, KEY);
        sim.clock().set(T0);
        sim.uploadSlotValidity(DynamicsSimulator.DEFAULT_UPLOAD_SLOT_VALIDITY);
        sim.linkValidity(DynamicsSimulator.DEFAULT_LINK_VALIDITY);
        sim.visibilityTimeout(DynamicsSimulator.DEFAULT_VISIBILITY_TIMEOUT);
        sim.pullBatchSize(DynamicsSimulator.DEFAULT_PULL_BATCH_SIZE);
        sim.requireKnownMobileUsers(false);
    }

    /** {@code GET push/…}: the answer to a slot request for {@code content} as an XML packet. */
    static TestClient.Reply askSlot(String user, String packetUniqueId, String content) {
        return client.get("push/" + AREA + "/" + user + "?packetUniqueId=" + packetUniqueId + "&size="
                + content.getBytes(StandardCharsets.UTF_8).length + "&packetType=xml");
    }

    /** The {@code uploadPath} of a new slot for {@code content}. */
    static String slot(String user, String packetUniqueId, String content) {
        TestClient.Reply reply = askSlot(user, packetUniqueId, content);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getString("uploadPath");
    }

    /** A pull of packets in JSON: the listed entries. */
    static JsonArray pull() {
        return pull("packetType=packet&format=json");
    }

    static JsonArray pull(String query) {
        TestClient.Reply reply = client.get("pull/" + AREA + "?" + query);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(true, reply.json().getBoolean("success"));
        return reply.json().getJsonArray("packets");
    }

    /** {@code link?path=}: the download URL. */
    static String link(String url) {
        TestClient.Reply reply = client.get("pull/" + AREA + "/link?path=" + TestClient.enc(url));
        assertEquals(200, reply.status(), reply.body());
        return reply.body();
    }

    /** {@code done?format=json} for these listed entries. */
    static TestClient.Reply done(JsonObject... entries) {
        JsonArrayBuilder body = Json.createArrayBuilder();
        for (JsonObject entry : entries) {
            body.add(Json.createObjectBuilder()
                    .add("id", entry.getString("id"))
                    .add("receiptHandle", entry.getString("receiptHandle")));
        }
        return client.post(
                "pull/" + AREA + "/done?format=json", body.build().toString(), "Content-Type", "application/json");
    }

    static MobileUser user1() {
        return sim.mobileUser(AREA, "user1");
    }

    static SyncPacket customer(String no, String name) {
        return SyncPacket.builder("S01")
                .insert("Customer", "No", no, "Name", name)
                .build();
    }
}
