package com.fieldsync.sim.odyssee;

import com.fieldsync.sim.common.CallLog;
import com.fieldsync.sim.common.Control;
import com.fieldsync.sim.common.JsonBodies;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /_sim/…}: the Java API over HTTP, for a simulator running in another process (the demo, manual tests). No
 * auth, not logged as calls, never faulted.
 *
 * <pre>
 * GET    /_sim/calls                 the call log, a JSON array
 * DELETE /_sim/calls                 clears it
 * POST   /_sim/reset                 data, faults and calls cleared
 * GET    /_sim/records/{Controller}  all rows, unpaged, a JSON array
 * POST   /_sim/records/{Controller}  seeds one row (body: the row), answers it
 * POST   /_sim/faults                {"method":…,"controller":…,"fault":"status|…","value":N,"times":N|"always":true}
 * DELETE /_sim/faults                clears them
 * GET    /_sim/clock                 {"now":…}
 * POST   /_sim/clock                 {"set":"2024-01-01T00:00:00.000Z"} and/or {"advanceMillis":N}, or {"system":true}
 * POST   /_sim/technicians/complete  {"jobId":…,"userId":…,"parts":[{"articleId":…,"quantity":1.5}],
 *                                     "time":[{"userId":…,"hours":2.0}]} (parts, time and a time's userId optional)
 *                                     completes the job as that technician: 200 with the JobApproval row
 * POST   /_sim/technicians/move      {"jobId":…,"statusId":…} sets the status unchecked: 200 with the Jobs row
 * GET    /_sim/pdf-delay             {"millis":N,"pending":N}: the approval-PDF delay and the PDFs not yet due
 * POST   /_sim/pdf-delay             {"millis":N} sets the delay, answers as GET
 * </pre>
 *
 * <p>A request the simulator refuses (bad body, unknown row, a job with no legal way to Completed) is a 400 with
 * {@code {"message":…}}. Reads of records first produce the approval PDFs that are due, as API reads do.
 */
final class ControlHandler implements HttpHandler {
    static final String PREFIX = "/_sim/";

    private final OdysseeSimulator sim;

    ControlHandler(OdysseeSimulator sim) {
        this.sim = sim;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Control.serve(exchange, this::route, message -> Response.message(400, message));
    }

    private Response route(String method, String path, String body) {
        String what = path.substring(PREFIX.length());
        String request = method + " " + (what.startsWith("records/") ? "records/" : what);
        switch (request) {
            case "GET calls":
                return Response.json(200, CallLog.toJson(sim.calls(), null));
            case "DELETE calls":
                sim.clearCalls();
                return Response.empty(204);
            case "POST reset":
                sim.reset();
                return Response.empty(204);
            case "GET records/":
                JsonArrayBuilder rows = Json.createArrayBuilder();
                sim.records(controller(what)).forEach(rows::add);
                return Response.json(200, rows.build());
            case "POST records/":
                return Response.json(201, sim.put(controller(what), object(body)));
            case "POST faults":
                Control.addFault(sim.faults(), object(body), "controller");
                return Response.empty(204);
            case "DELETE faults":
                sim.faults().clear();
                return Response.empty(204);
            case "GET clock":
                return clock();
            case "POST clock":
                Control.moveClock(sim.clock(), object(body));
                return clock();
            case "POST technicians/complete":
                return Response.json(200, complete(object(body)));
            case "POST technicians/move":
                JsonObject move = object(body);
                return Response.json(200, sim.technicians().move(required(move, "jobId"), required(move, "statusId")));
            case "POST pdf-delay":
                JsonNumber millis = object(body).getJsonNumber("millis");
                if (millis == null) {
                    throw new IllegalArgumentException("missing 'millis'");
                }
                sim.pdfDelay(Duration.ofMillis(millis.longValue()));
                return pdfDelay();
            case "GET pdf-delay":
                return pdfDelay();
            default:
                return Response.message(404, "unknown control request: " + method + " " + path);
        }
    }

    private JsonObject complete(JsonObject spec) {
        List<Technicians.PartUse> parts = new ArrayList<>();
        for (JsonValue part : array(spec, "parts")) {
            JsonObject use = part.asJsonObject();
            parts.add(new Technicians.PartUse(required(use, "articleId"), number(use, "quantity")));
        }
        List<Technicians.TimeUse> time = new ArrayList<>();
        for (JsonValue entry : array(spec, "time")) {
            JsonObject use = entry.asJsonObject();
            time.add(new Technicians.TimeUse(use.getString("userId", null), number(use, "hours")));
        }
        return sim.technicians().complete(required(spec, "jobId"), required(spec, "userId"), parts, time);
    }

    private Response pdfDelay() {
        return Response.json(
                200,
                Json.createObjectBuilder()
                        .add("millis", sim.pdfDelay().toMillis())
                        .add("pending", sim.pendingPdfs())
                        .build());
    }

    private static String required(JsonObject spec, String name) {
        String value = spec.getString(name, null);
        if (value == null) {
            throw new IllegalArgumentException("missing string '" + name + "'");
        }
        return value;
    }

    private static JsonArray array(JsonObject spec, String name) {
        JsonArray value = spec.getJsonArray(name);
        return value == null ? JsonValue.EMPTY_JSON_ARRAY : value;
    }

    private static BigDecimal number(JsonObject spec, String name) {
        JsonNumber value = spec.getJsonNumber(name);
        if (value == null) {
            throw new IllegalArgumentException("missing number '" + name + "'");
        }
        return value.bigDecimalValue();
    }

    private Response clock() {
        Instant now = sim.clock().now();
        return Response.json(
                200, Json.createObjectBuilder().add("now", Dates.format(now)).build());
    }

    private static String controller(String what) {
        return what.substring("records/".length()).replaceAll("/$", "");
    }

    private static JsonObject object(String body) {
        return JsonBodies.objectOrEmpty(body);
    }
}
