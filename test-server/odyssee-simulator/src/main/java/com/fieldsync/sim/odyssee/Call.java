package com.fieldsync.sim.odyssee;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One request the API received, as logged in arrival order.
 *
 * @param method the HTTP method
 * @param path the decoded path, e.g. {@code /api/Company/…}
 * @param query the raw query string exactly as sent (null when there was none); {@link #param(String)} decodes it
 * @param status the status answered, or 0 when a fault closed the connection without answering
 * @param requestBody the request body as UTF-8 text, empty when there was none
 * @param atNanos {@link System#nanoTime()} when the request arrived
 */
public record Call(String method, String path, String query, int status, String requestBody, long atNanos) {

    /** The controller named by the path ({@code Company} for {@code /api/Company/…}), or null. */
    public String controller() {
        return controllerOf(path);
    }

    /** A query parameter's decoded value ({@code +} and {@code %20} both read as spaces), or null. */
    public String param(String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    static String controllerOf(String path) {
        if (path == null || !path.startsWith(ApiHandler.PREFIX)) {
            return null;
        }
        String rest = path.substring(ApiHandler.PREFIX.length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        return name.isEmpty() ? null : name;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
