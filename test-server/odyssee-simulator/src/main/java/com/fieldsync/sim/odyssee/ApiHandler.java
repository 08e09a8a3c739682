package com.fieldsync.sim.odyssee;

import com.fieldsync.sim.common.Call;
import com.fieldsync.sim.common.Exchanges;
import com.fieldsync.sim.common.FaultingHandler;
import com.fieldsync.sim.common.Faults;
import com.fieldsync.sim.common.JsonBodies;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Serves {@code /api/…}: plays queued faults, checks Basic credentials, routes to the store and logs each call. A
 * call is logged before its answer is written, so a client that has its answer always finds its call in the log.
 * Before routing, the approval PDFs due at the sim clock's now are produced, so the answer includes them.
 */
final class ApiHandler extends FaultingHandler<Response> {
    static final String PREFIX = "/api/";

    private final Store store;
    private final ApprovalPdfs pdfs;
    private final Supplier<String> credentials;

    ApiHandler(
            Store store,
            ApprovalPdfs pdfs,
            Faults faults,
            Consumer<Call> log,
            Supplier<String> credentials,
            ReadWriteLock settled) {
        super(faults, log, settled);
        this.store = store;
        this.pdfs = pdfs;
        this.credentials = credentials;
    }

    /** The controller named by the path ({@code Company} for {@code /api/Company/…}), or null. */
    @Override
    protected String target(String path) {
        return Call.targetOf(path, PREFIX, '/');
    }

    @Override
    protected Response simulatedStatus(int status) {
        return Response.message(status, "simulated " + status);
    }

    @Override
    protected Response simulatedTooManyRequests(long retryAfterSeconds) {
        return Response.message(429, "simulated 429").withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }

    @Override
    protected Response process(Request request) {
        HttpExchange exchange = request.exchange();
        if (!Exchanges.basicAuthMatches(exchange, credentials.get())) {
            return Response.message(401, "missing or invalid credentials")
                    .withHeader("WWW-Authenticate", "Basic realm=\"odyssee\"");
        }
        try {
            pdfs.produceDue();
            return route(exchange, request.method(), request.path(), request.query(), request.body());
        } catch (ApiException e) {
            return Response.message(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            return Response.message(500, "simulator error: " + e);
        }
    }

    private Response route(HttpExchange exchange, String method, String path, String query, String body) {
        String rest = path.substring(PREFIX.length());
        String[] parts = (rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest).split("/");
        ControllerDef def = Controllers.find(parts[0])
                .orElseThrow(() -> ApiException.notFound("unknown controller '" + parts[0] + "'"));
        if (parts.length == 1) {
            switch (method) {
                case "GET":
                    String listUrl = "http://" + host(exchange) + PREFIX + parts[0];
                    return Response.json(200, ListRequest.parse(def, query).page(store.all(def), listUrl));
                case "POST":
                    return added(exchange, def, store.add(def, object(body)));
                default:
                    return notAllowed("GET, POST");
            }
        }
        String id = parts[1];
        if (parts.length == 2) {
            switch (method) {
                case "GET":
                    return Response.json(200, store.find(def, id).orElseThrow(() -> Store.noSuchRow(def, id)));
                case "PUT":
                    return Response.json(200, store.update(def, id, object(body)));
                default:
                    return notAllowed("GET, PUT");
            }
        }
        if (parts.length == 3 && def.name().equals(Controllers.DB_FILE) && parts[2].equalsIgnoreCase("content")) {
            if (!method.equals("GET")) {
                return notAllowed("GET");
            }
            JsonObject file = store.find(def, id).orElseThrow(() -> Store.noSuchRow(def, id));
            return Response.json(
                    200,
                    Json.createObjectBuilder()
                            .add("id", file.getString("id"))
                            .add("file_name", file.getString("file_name"))
                            .add("content", file.getString("file_content"))
                            .build());
        }
        throw ApiException.notFound("no such resource: " + path);
    }

    private static Response added(HttpExchange exchange, ControllerDef def, JsonObject row) {
        String id = row.getString(ControllerDef.ID);
        String prefer = exchange.getRequestHeaders().getFirst("Prefer");
        boolean minimal = prefer != null && prefer.toLowerCase(Locale.ROOT).contains("return=minimal");
        Response response = minimal
                ? Response.json(201, Json.createObjectBuilder().add("id", id).build())
                        .withHeader("Preference-Applied", "return=minimal")
                : Response.json(201, row);
        return response.withHeader("Location", "http://" + host(exchange) + PREFIX + def.name() + "/" + id);
    }

    private static Response notAllowed(String allowed) {
        return Response.message(405, "method not allowed; allowed: " + allowed).withHeader("Allow", allowed);
    }

    private static JsonObject object(String body) {
        return JsonBodies.object(body, ApiException::badRequest);
    }

    private static String host(HttpExchange exchange) {
        return Exchanges.host(exchange);
    }
}
