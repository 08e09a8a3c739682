package com.fieldsync.connector;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/** What every connector reads from an HTTP answer or failure the same way. */
public final class Replies {

    private Replies() {}

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    /** The root cause's class and message, for a failure to reach a platform. */
    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** {@code text} cut to {@code max} characters. */
    public static String bounded(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /**
     * Whether {@code link} points at the same scheme, host and port as {@code base}: a platform's
     * links are followed only there, so its credentials never go anywhere else.
     */
    public static boolean sameOrigin(URI link, URI base) {
        return link.getScheme() != null
                && link.getScheme().equalsIgnoreCase(base.getScheme())
                && link.getHost() != null
                && link.getHost().equalsIgnoreCase(base.getHost())
                && port(link) == port(base);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * What an unsuccessful status means, the same for every platform: 401/403 the credentials
     * ({@code authMessage} says which settings), 408/429/5xx worth retrying ({@code Retry-After}
     * honoured), anything else the record's fault.
     */
    public static Outcome outcome(Response response, String message, String authMessage) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            return new Outcome.AuthFailed(status, authMessage + " (HTTP " + status + ")");
        }
        if (status == 429 || status == 408 || status >= 500) {
            return new Outcome.Transient("HTTP " + status + ": " + message, retryAfter(response));
        }
        return new Outcome.Rejected(status, message);
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }
}
