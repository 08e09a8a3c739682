package com.fieldsync.sim.odyssee;

import com.fieldsync.sim.common.Exchanges;
import com.fieldsync.sim.common.Reply;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer about to be written: status, JSON body (null for none) and extra headers. */
record Response(int status, JsonValue body, Map<String, String> headers) implements Reply {
    static final String JSON = "application/json; charset=utf-8";

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

    @Override
    public void send(HttpExchange exchange) throws IOException {
        Exchanges.write(exchange, status, headers, JSON, body == null ? null : bytes());
    }

    /** Sends the first half of the body only: never valid JSON, since the closing brace is cut off. */
    @Override
    public void sendTruncated(HttpExchange exchange) throws IOException {
        Exchanges.write(exchange, status, headers, JSON, body == null ? null : Exchanges.truncated(bytes()));
    }
}
