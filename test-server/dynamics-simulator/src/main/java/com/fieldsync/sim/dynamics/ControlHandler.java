package com.fieldsync.sim.dynamics;

import com.fieldsync.sim.common.CallLog;
import com.fieldsync.sim.common.Control;
import com.fieldsync.sim.common.JsonBodies;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * {@code /_sim/…}: the Java API over HTTP, for a simulator running in another process (the demo, manual tests). No
 * api key, not logged as calls, never faulted.
 *
 * <pre>
 * GET    /_sim/calls              the call log, a JSON array ("target": push|upload|pull|link|download|done)
 * DELETE /_sim/calls              clears it
 * POST   /_sim/reset              as reset(): slots, uploads, pull queue, links, done log, faults, calls
 * POST   /_sim/faults             {"method":…,"target":…,"fault":"status|tooManyRequests|latency|dropConnection|
 *                                 applyThenDrop|malformedBody","value":N,"times":N | "always":true}
 * DELETE /_sim/faults             clears them
 * GET    /_sim/clock              {"now":…,"stopped":bool}
 * POST   /_sim/clock              {"set":"2024-01-01T00:00:00Z"} and/or {"advanceMillis":N}, or {"system":true}
 * GET    /_sim/settings           {"uploadSlotValidityMillis":N,"linkValidityMillis":N,"visibilityTimeoutMillis":N,
 *                                 "pullBatchSize":N,"knownMobileUsersOnly":bool}
 * POST   /_sim/settings           any of those fields; answers as GET
 * GET    /_sim/app-areas          the codes of the application areas served (not their keys), a JSON array
 * POST   /_sim/app-areas          {"appArea":…,"apiKey":…}: serves it, or changes its key
 * POST   /_sim/mobile-users       {"appArea":…,"mobileUser":…}: registers a known mobile user
 * GET    /_sim/uploads            every upload, a JSON array with each content as text
 * GET    /_sim/uploads/distinct   the last upload of each packetUniqueId
 * GET    /_sim/packets            every packet and file mobile users sent, with its queue state (no content)
 * POST   /_sim/packets            {"appArea":…,"mobileUser":…,"format":"xml|json","content":"…"}: a mobile user sends
 *                                 a packet; 201 with its state
 * POST   /_sim/files              {"appArea":…,"mobileUser":…,"fileName":…,"contentBase64":…}: a mobile user sends a
 *                                 file; 201 with its state
 * GET    /_sim/done               every entry of every done call, with its outcome
 * </pre>
 *
 * <p>A request the simulator refuses (bad body, unknown application area) is a 400 with a plain-text message.
 */
final class ControlHandler implements HttpHandler {
    static final String PREFIX = "/_sim/";

    private final DynamicsSimulator sim;

    ControlHandler(DynamicsSimulator sim) {
        this.sim = sim;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Control.serve(exchange, this::route, message -> Response.text(400, message));
    }

    private Response route(String method, String path, String body) {
        switch (method + " " + path.substring(PREFIX.length())) {
            case "GET calls":
                return Response.json(200, CallLog.toJson(sim.calls(), "target"));
            case "DELETE calls":
                sim.clearCalls();
                return Response.empty(204);
            case "POST reset":
                sim.reset();
                return Response.empty(204);
            case "POST faults":
                Control.addFault(sim.faults(), object(body), "target");
                return Response.empty(204);
            case "DELETE faults":
                sim.faults().clear();
                return Response.empty(204);
            case "GET clock":
                return clock();
            case "POST clock":
                Control.moveClock(sim.clock(), object(body));
                return clock();
            case "GET settings":
                return settings();
            case "POST settings":
                changeSettings(object(body));
                return settings();
            case "GET app-areas":
                JsonArrayBuilder areas = Json.createArrayBuilder();
                sim.appAreas().keySet().forEach(areas::add);
                return Response.json(200, areas.build());
            case "POST app-areas":
                JsonObject area = object(body);
                sim.appArea(area.getString("appArea"), area.getString("apiKey"));
                return Response.empty(204);
            case "POST mobile-users":
                JsonObject user = object(body);
                sim.mobileUser(user.getString("appArea"), user.getString("mobileUser"));
                return Response.empty(204);
            case "GET uploads":
                return uploads(sim.uploads());
            case "GET uploads/distinct":
                return uploads(sim.distinctUploads());
            case "GET packets":
                JsonArrayBuilder packets = Json.createArrayBuilder();
                sim.packets().forEach(packet -> packets.add(packet(packet)));
                return Response.json(200, packets.build());
            case "POST packets":
                JsonObject packet = object(body);
                PacketFormat format = PacketFormat.of(packet.getString("format", "xml"))
                        .orElseThrow(() -> new IllegalArgumentException("format must be xml or json"));
                return Response.json(
                        201,
                        packet(sim.mobileUser(packet.getString("appArea"), packet.getString("mobileUser"))
                                .sendRaw(format, packet.getString("content").getBytes(StandardCharsets.UTF_8))));
            case "POST files":
                JsonObject file = object(body);
                return Response.json(
                        201,
                        packet(sim.mobileUser(file.getString("appArea"), file.getString("mobileUser"))
                                .sendFile(
                                        file.getString("fileName"),
                                        Base64.getDecoder().decode(file.getString("contentBase64")))));
            case "GET done":
                JsonArrayBuilder done = Json.createArrayBuilder();
                sim.doneEntries()
                        .forEach(entry -> done.add(Json.createObjectBuilder()
                                .add("appArea", entry.appArea())
                                .add("id", entry.id())
                                .add("receiptHandle", entry.receiptHandle())
                                .add("outcome", entry.outcome().name())
                                .add("at", entry.at().toString())));
                return Response.json(200, done.build());
            default:
                return Response.text(404, "unknown control request: " + method + " " + path);
        }
    }

    private void changeSettings(JsonObject spec) {
        if (spec.containsKey("uploadSlotValidityMillis")) {
            sim.uploadSlotValidity(Duration.ofMillis(
                    spec.getJsonNumber("uploadSlotValidityMillis").longValue()));
        }
        if (spec.containsKey("linkValidityMillis")) {
            sim.linkValidity(
                    Duration.ofMillis(spec.getJsonNumber("linkValidityMillis").longValue()));
        }
        if (spec.containsKey("visibilityTimeoutMillis")) {
            sim.visibilityTimeout(Duration.ofMillis(
                    spec.getJsonNumber("visibilityTimeoutMillis").longValue()));
        }
        if (spec.containsKey("pullBatchSize")) {
            sim.pullBatchSize(spec.getInt("pullBatchSize"));
        }
        if (spec.containsKey("knownMobileUsersOnly")) {
            sim.requireKnownMobileUsers(spec.getBoolean("knownMobileUsersOnly"));
        }
    }

    private Response settings() {
        return Response.json(
                200,
                Json.createObjectBuilder()
                        .add(
                                "uploadSlotValidityMillis",
                                sim.uploadSlotValidity().toMillis())
                        .add("linkValidityMillis", sim.linkValidity().toMillis())
                        .add("visibilityTimeoutMillis", sim.visibilityTimeout().toMillis())
                        .add("pullBatchSize", sim.pullBatchSize())
                        .add("knownMobileUsersOnly", sim.knownMobileUsersRequired())
                        .build());
    }

    private Response clock() {
        return Response.json(
                200,
                Json.createObjectBuilder()
                        .add("now", sim.clock().now().toString())
                        .add("stopped", sim.clock().isStopped())
                        .build());
    }

    private static Response uploads(List<Upload> uploads) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Upload upload : uploads) {
            array.add(Json.createObjectBuilder()
                    .add("syncLogId", upload.syncLogId())
                    .add("appArea", upload.appArea())
                    .add("mobileUser", upload.mobileUser())
                    .add("packetUniqueId", upload.packetUniqueId())
                    .add("packetType", upload.format().wireName())
                    .add("size", upload.content().length)
                    .add("uploadedAt", upload.uploadedAt().toString())
                    .add("content", upload.text()));
        }
        return Response.json(200, array.build());
    }

    private static JsonObject packet(InboundPacket packet) {
        return Json.createObjectBuilder()
                .add("id", packet.id())
                .add("appArea", packet.appArea())
                .add("mobileUser", packet.mobileUser())
                .add("packetType", packet.packetType())
                .add("url", packet.url())
                .add("size", packet.content().length)
                .add("enqueuedAt", packet.enqueuedAt().toString())
                .add("receiptHandle", nullable(packet.receiptHandle()))
                .add("deliveries", packet.deliveries())
                .add("invisibleUntil", nullable(packet.invisibleUntil()))
                .add("links", packet.links())
                .add("downloads", packet.downloads())
                .add("doneAt", nullable(packet.doneAt()))
                .build();
    }

    private static JsonValue nullable(Object value) {
        return value == null ? JsonValue.NULL : Json.createValue(value.toString());
    }

    private static JsonObject object(String body) {
        return JsonBodies.objectOrEmpty(body);
    }
}
