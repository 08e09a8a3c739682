package com.fieldsync.sim.resco;

import com.fieldsync.sim.common.Exchanges;
import com.fieldsync.sim.common.Reply;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer about to be written: status, body text with its content type (null for none) and extra headers. */
record Response(int status, String body, String contentType, Map<String, String> headers) implements Reply {
    static final String JSON = "application/json; odata.metadata=minimal; charset=utf-8";
    static final String XML = "application/xml; charset=utf-8";

    static Response json(int status, JsonValue body) {
        return new Response(status, body.toString(), JSON, Map.of());
    }

    static Response xml(int status, String body) {
        return new Response(status, body, XML, Map.of());
    }

    /** The OData error body {@code {"error":{"code":…,"message":…}}}. */
    static Response error(int status, String code, String message) {
        return json(
                status,
                Json.createObjectBuilder()
                        .add(
                                "error",
                                Json.createObjectBuilder().add("code", code).add("message", message))
                        .build());
    }

    static Response empty(int status) {
        return new Response(status, null, null, Map.of());
    }

    Response withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Response(status, body, contentType, all);
    }

    @Override
    public void send(HttpExchange exchange) throws IOException {
        send(exchange, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the first half of the body only: never valid JSON, since the closing brace is cut off. */
    @Override
    public void sendTruncated(HttpExchange exchange) throws IOException {
        byte[] whole = body == null ? new byte[] {'{'} : body.getBytes(StandardCharsets.UTF_8);
        send(exchange, Exchanges.truncated(whole));
    }

    private void send(HttpExchange exchange, byte[] content) throws IOException {
        Exchanges.write(exchange, status, headers, contentType == null ? JSON : contentType, content);
    }
}
