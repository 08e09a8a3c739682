package com.fieldsync.sim.common;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/** The bits of JDK {@code HttpServer} plumbing every simulator handler needs. */
public final class Exchanges {
    private Exchanges() {}

    /** The whole request body as UTF-8 text, empty when there is none. */
    public static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The {@code Host} the client addressed, else the local address as {@code host:port}. */
    public static String host(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null && !host.isBlank()) {
            return host;
        }
        return exchange.getLocalAddress().getHostString() + ":"
                + exchange.getLocalAddress().getPort();
    }

    /**
     * Whether the request's {@code Authorization: Basic …} header decodes to exactly {@code expected}; always true
     * when {@code expected} is null (auth off).
     */
    public static boolean basicAuthMatches(HttpExchange exchange, String expected) {
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

    /**
     * Writes an answer: {@code headers}, then the status and, unless {@code content} is null, {@code Content-Type:
     * contentType} and the content.
     */
    public static void write(
            HttpExchange exchange, int status, Map<String, String> headers, String contentType, byte[] content)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (content == null) {
            // -1, not 0: HttpServer reads a length of 0 as "chunked"
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    /** The first half of {@code whole} (at least one byte): never valid JSON, since the closing brace is cut off. */
    public static byte[] truncated(byte[] whole) {
        return Arrays.copyOf(whole, Math.max(1, whole.length / 2));
    }

    /** Sleeps; false when interrupted, i.e. the simulator is closing (the interrupt flag is restored). */
    public static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
