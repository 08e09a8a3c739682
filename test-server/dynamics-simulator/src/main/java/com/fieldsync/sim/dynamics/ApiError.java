package com.fieldsync.sim.dynamics;

import java.util.Map;

/** An HTTP error answer: the handler turns it into {@code status} with the message as a plain-text body. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers;

    ApiError(int status, String message) {
        this(status, message, Map.of());
    }

    private ApiError(int status, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.headers = headers;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError unauthorized(String message) {
        return new ApiError(401, message);
    }

    /** What storage answers for a bad signature or an expired upload slot or link, as S3 does. */
    static ApiError forbidden(String message) {
        return new ApiError(403, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    static ApiError methodNotAllowed(String allowed) {
        return new ApiError(405, "method not allowed here; allowed: " + allowed, Map.of("Allow", allowed));
    }
}
