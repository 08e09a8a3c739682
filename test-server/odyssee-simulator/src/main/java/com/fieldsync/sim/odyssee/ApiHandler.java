package com.fieldsync.sim.odyssee;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Serves {@code /api/…}: plays queued faults, checks Basic credentials, routes to the store and logs each call. A
 * call is logged before its answer is written, so a client that has its answer always finds its call in the log.
 * Before routing, the approval PDFs due at the sim clock's now are produced, so the answer includes them.
 */
final class ApiHandler implements HttpHandler {
    static final String PREFIX = "/api/";

    private final ReadWriteLock settled;
    private final Store store;
    private final ApprovalPdfs pdfs;
    private final Faults faults;
    private final Consumer<Call> log;
    private final Supplier<String> credentials;

    ApiHandler(
            Store store,
            ApprovalPdfs pdfs,
            Faults faults,
            Consumer<Call> log,
            Supplier<String> credentials,
            ReadWriteLock settled) {
        this.settled = settled;
        this.store = store;
        this.pdfs = pdfs;
        this.faults = faults;
        this.log = log;
        this.credentials = credentials;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long arrivedAt = System.nanoTime();
        try {
            serve(exchange, arrivedAt);
        } finally {
            // without response headers sent, this closes the connection: that is how the drop faults drop it
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, long arrivedAt) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Consumer<Integer> logAs = status -> log.accept(new Call(method, path, query, status, body, arrivedAt));

        Faults.Planned planned = faults.take(method, Call.controllerOf(path));
        if (planned.latency() != null && !sleep(planned.latency().value())) {
            logAs.accept(0);
            return;
        }
        Fault fault = planned.action();
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (kind == Fault.Kind.DROP_CONNECTION) {
            logAs.accept(0);
            return;
        }
        Response response;
        // Processing and logging under the read lock: a test that reads the records (write lock)
        // never sees a row whose call is not in the log yet.
        settled.readLock().lock();
        try {
            if (kind == Fault.Kind.STATUS) {
                response = Response.message((int) fault.value(), "simulated " + fault.value());
            } else if (kind == Fault.Kind.TOO_MANY_REQUESTS) {
                response =
                        Response.message(429, "simulated 429").withHeader("Retry-After", String.valueOf(fault.value()));
            } else {
                response = process(exchange, method, path, query, body);
            }
            if (kind == Fault.Kind.APPLY_THEN_DROP) {
                logAs.accept(0);
                return;
            }
            logAs.accept(response.status());
        } finally {
            settled.readLock().unlock();
        }
        if (kind == Fault.Kind.MALFORMED_BODY) {
            response.sendTruncated(exchange);
        } else {
            response.send(exchange);
        }
    }

    private Response process(HttpExchange exchange, String method, String path, String query, String body) {
        if (!authorized(exchange)) {
            return Response.message(401, "missing or invalid credentials")
                    .withHeader("WWW-Authenticate", "Basic realm=\"odyssee\"");
        }
        try {
            pdfs.produceDue();
            return route(exchange, method, path, query, body);
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
        if (body.isBlank()) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.badRequest("the request body must be a JSON object, got " + value.getValueType());
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getMessage());
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String expected = credentials.get();
        if (expected == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(header.substring(6).trim());
            return expected.equals(new String(decoded, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String host(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null && !host.isBlank()) {
            return host;
        }
        return exchange.getLocalAddress().getHostString() + ":"
                + exchange.getLocalAddress().getPort();
    }

    /** False when interrupted, i.e. the simulator is closing: the request is then dropped. */
    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
