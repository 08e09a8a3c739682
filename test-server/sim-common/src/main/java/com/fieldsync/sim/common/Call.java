package com.fieldsync.sim.common;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One request an API received, as logged in arrival order.
 *
 * @param method the HTTP method
 * @param path the decoded path, e.g. {@code /api/Company/…} or {@code /odata/v4/org/account(…)}
 * @param query the raw query string exactly as sent (null when there was none); {@link #param(String)} decodes it
 * @param target what the path addresses, as the simulator names it (an Odyssee controller such as {@code Company}, a
 *     Resco entity set such as {@code account} or {@code $metadata}), or null; see {@link #targetOf}
 * @param status the status answered, or 0 when a fault closed the connection without answering
 * @param requestBody the request body as UTF-8 text, empty when there was none
 * @param atNanos {@link System#nanoTime()} when the request arrived
 */
public record Call(
        String method, String path, String query, String target, int status, String requestBody, long atNanos) {

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

    /**
     * The first segment of {@code path} below {@code basePath}, cut at the first of the {@code stops} characters;
     * null when the path is not below {@code basePath} or the segment is empty.
     */
    public static String targetOf(String path, String basePath, char... stops) {
        if (path == null || !path.startsWith(basePath)) {
            return null;
        }
        String rest = path.substring(basePath.length());
        int end = rest.length();
        for (char stop : stops) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end == 0 ? null : rest.substring(0, end);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
