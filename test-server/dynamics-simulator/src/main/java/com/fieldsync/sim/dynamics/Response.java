package com.fieldsync.sim.dynamics;

import com.fieldsync.sim.common.Exchanges;
import com.fieldsync.sim.common.Reply;
import com.sun.net.httpserver.HttpExchange;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer about to be written: status, body bytes with their content type (null for none) and extra headers. Errors
 * are plain text, as the platform's are.
 */
record Response(int status, byte[] body, String contentType, Map<String, String> headers) implements Reply {
    static final String TEXT = "text/plain; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";
    static final String XML = "application/xml; charset=utf-8";

    static Response json(int status, JsonValue body) {
        return bytes(status, body.toString().getBytes(StandardCharsets.UTF_8), JSON);
    }

    static Response xml(int status, String body) {
        return bytes(status, body.getBytes(StandardCharsets.UTF_8), XML);
    }

    static Response text(int status, String body) {
        return bytes(status, body.getBytes(StandardCharsets.UTF_8), TEXT);
    }

    static Response bytes(int status, byte[] body, String contentType) {
        return new Response(status, body, contentType, Map.of());
    }

    static Response empty(int status) {
        return new Response(status, null, null, Map.of());
    }

    /** The plain-text error answer of {@code error}, with its headers. */
    static Response error(ApiError error) {
        Response response = text(error.status(), error.getMessage());
        for (Map.Entry<String, String> header : error.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    Response withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Response(status, body, contentType, all);
    }

    @Override
    public void send(HttpExchange exchange) throws IOException {
        send(exchange, body);
    }

    /** Sends the first half of the body only: never valid JSON, XML or a whole packet. */
    @Override
    public void sendTruncated(HttpExchange exchange) throws IOException {
        send(exchange, Exchanges.truncated(body == null || body.length == 0 ? new byte[] {'{'} : body));
    }

    private void send(HttpExchange exchange, byte[] content) throws IOException {
        Exchanges.write(exchange, status, headers, contentType == null ? TEXT : contentType, content);
    }
}
