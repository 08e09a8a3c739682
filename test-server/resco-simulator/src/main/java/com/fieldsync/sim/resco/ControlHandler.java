package com.fieldsync.sim.resco;

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

/**
 * {@code /_sim/…}: the Java API over HTTP, for a simulator running in another process (the demo, manual tests). No
 * auth, not logged as calls, never faulted.
 *
 * <pre>
 * GET    /_sim/calls                      the call log, a JSON array
 * DELETE /_sim/calls                      clears it
 * POST   /_sim/reset                      as reset(): data, hooks, deliveries, faults, calls, schema drift
 * GET    /_sim/records/{entity}           all records, unpaged, a JSON array
 * POST   /_sim/records/{entity}           seeds one record as a mobile user (body: the record): 201 with it
 * PATCH  /_sim/records/{entity}/{id}      a mobile user's edit (body: the changes): 200 with the record
 * DELETE /_sim/records/{entity}/{id}      a mobile user's delete: 204, or 404
 * POST   /_sim/faults                     {"method":…,"entity":…,"fault":"status|tooManyRequests|latency|
 *                                         dropConnection|applyThenDrop|malformedBody","value":N,
 *                                         "times":N | "always":true}
 * DELETE /_sim/faults                     clears them
 * GET    /_sim/clock                      {"now":…,"stopped":bool}
 * POST   /_sim/clock                      {"set":"2024-01-01T00:00:00Z"} and/or {"advanceMillis":N}, or {"system":true}
 * GET    /_sim/hooks                      the registered webhooks, a JSON array
 * GET    /_sim/webhooks                   {"paused":bool,"deliveries":[…]}
 * POST   /_sim/webhooks                   {"paused":true|false}, answers as GET
 * GET    /_sim/page-size                  {"size":N}
 * POST   /_sim/page-size                  {"size":N}, answers as GET
 * POST   /_sim/schema/drop                {"entity":…,"attribute":…}
 * POST   /_sim/schema/retype              {"entity":…,"attribute":…,"type":"Edm.Int32","maxLength":N}
 * POST   /_sim/schema/restore             back to the standard schema
 * </pre>
 *
 * <p>A request the simulator refuses (bad body, invalid record, unknown entity set) is a 400 with the OData error
 * body {@code {"error":{"code":…,"message":…}}}.
 */
final class ControlHandler implements HttpHandler {
    static final String PREFIX = "/_sim/";

    private final RescoSimulator sim;

    ControlHandler(RescoSimulator sim) {
        this.sim = sim;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Control.serve(exchange, this::route, message -> Response.error(400, "BadRequest", message));
    }

    private Response route(String method, String path, String body) {
        String what = path.substring(PREFIX.length());
        String[] parts = what.split("/");
        String request =
                method + " " + (what.startsWith("records/") ? "records/" + (parts.length > 2 ? "id" : "") : what);
        switch (request) {
            case "GET calls":
                return Response.json(200, CallLog.toJson(sim.calls(), "entity"));
            case "DELETE calls":
                sim.clearCalls();
                return Response.empty(204);
            case "POST reset":
                sim.reset();
                return Response.empty(204);
            case "GET records/":
                JsonArrayBuilder records = Json.createArrayBuilder();
                sim.records(parts[1]).forEach(records::add);
                return Response.json(200, records.build());
            case "POST records/":
                return Response.json(201, sim.put(parts[1], object(body)));
            case "PATCH records/id":
                return Response.json(200, sim.update(parts[1], parts[2], object(body)));
            case "DELETE records/id":
                return sim.delete(parts[1], parts[2])
                        ? Response.empty(204)
                        : Response.error(404, "NotFound", "no " + parts[1] + " with id '" + parts[2] + "'");
            case "POST faults":
                Control.addFault(sim.faults(), object(body), "entity");
                return Response.empty(204);
            case "DELETE faults":
                sim.faults().clear();
                return Response.empty(204);
            case "GET clock":
                return clock();
            case "POST clock":
                Control.moveClock(sim.clock(), object(body));
                return clock();
            case "GET hooks":
                JsonArrayBuilder hooks = Json.createArrayBuilder();
                sim.hooks()
                        .forEach(hook -> hooks.add(Json.createObjectBuilder()
                                .add("id", hook.id())
                                .add("entity", hook.entity())
                                .add("action", hook.action())
                                .add("callbackUrl", hook.callbackUrl())));
                return Response.json(200, hooks.build());
            case "POST webhooks":
                if (object(body).getBoolean("paused")) {
                    sim.pauseWebhooks();
                } else {
                    sim.resumeWebhooks();
                }
                return webhooks();
            case "GET webhooks":
                return webhooks();
            case "POST page-size":
                sim.pageSize(object(body).getInt("size"));
                return pageSize();
            case "GET page-size":
                return pageSize();
            case "POST schema/drop":
                JsonObject drop = object(body);
                sim.schema().drop(drop.getString("entity"), drop.getString("attribute"));
                return Response.empty(204);
            case "POST schema/retype":
                JsonObject retype = object(body);
                sim.schema()
                        .retype(
                                retype.getString("entity"),
                                retype.getString("attribute"),
                                EdmType.fromEdmName(retype.getString("type")),
                                retype.containsKey("maxLength") ? retype.getInt("maxLength") : null);
                return Response.empty(204);
            case "POST schema/restore":
                sim.schema().restore();
                return Response.empty(204);
            default:
                return Response.error(404, "NotFound", "unknown control request: " + method + " " + path);
        }
    }

    private Response clock() {
        return Response.json(
                200,
                Json.createObjectBuilder()
                        .add("now", Dates.format(sim.clock().now()))
                        .add("stopped", sim.clock().isStopped())
                        .build());
    }

    private Response webhooks() {
        JsonArrayBuilder deliveries = Json.createArrayBuilder();
        for (WebhookDelivery delivery : sim.webhookDeliveries()) {
            deliveries.add(Json.createObjectBuilder()
                    .add("hookId", delivery.hookId())
                    .add("entity", delivery.entity())
                    .add("action", delivery.action())
                    .add("url", delivery.url())
                    .add("recordId", delivery.recordId())
                    .add("status", delivery.status())
                    .add("error", delivery.error() == null ? JsonValue.NULL : Json.createValue(delivery.error())));
        }
        return Response.json(
                200,
                Json.createObjectBuilder()
                        .add("paused", sim.webhooksPaused())
                        .add("deliveries", deliveries)
                        .build());
    }

    private Response pageSize() {
        return Response.json(
                200, Json.createObjectBuilder().add("size", sim.pageSize()).build());
    }

    private static JsonObject object(String body) {
        return JsonBodies.objectOrEmpty(body);
    }
}
