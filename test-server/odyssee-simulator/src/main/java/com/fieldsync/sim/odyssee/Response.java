package com.fieldsync.sim.odyssee;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer about to be written: status, JSON body (null for none) and extra headers. */
record Response(int status, JsonValue body, Map<String, String> headers) {

    static Response json(int status, JsonValue body) {
        return new Response(status, body, Map.of());
    }

    static Response message(int status, String message) {
        return json(status, Json.createObjectBuilder().add("message", message).build());
    }

    static Response empty(int status) {
        return new Response(status, null, Map.of());
    }

    Response withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Response(status, body, all);
    }

    byte[] bytes() {
        return body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
    }

    void send(HttpExchange exchange) throws IOException {
        send(exchange, bytes());
    }

    /** Sends the first half of the body only: never valid JSON, since the closing brace is cut off. */
    void sendTruncated(HttpExchange exchange) throws IOException {
        byte[] whole = bytes();
        send(exchange, Arrays.copyOf(whole, Math.max(1, whole.length / 2)));
    }

    private void send(HttpExchange exchange, byte[] content) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (body == null) {
            // -1, not 0: HttpServer reads a length of 0 as "chunked"
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }
}
