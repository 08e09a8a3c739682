package com.fieldsync.sim.resco;

/**
 * An HTTP error answer: the handler turns it into {@code status} with the OData error body {@code
 * {"error":{"code":…,"message":…}}}.
 */
final class ODataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ODataException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** How the Java API reports what the HTTP API would have refused: the status and the message. */
    IllegalArgumentException asIllegalArgument() {
        return new IllegalArgumentException(status + " " + getMessage(), this);
    }

    static ODataException badRequest(String message) {
        return new ODataException(400, "BadRequest", message);
    }

    static ODataException notFound(String message) {
        return new ODataException(404, "NotFound", message);
    }

    static ODataException conflict(String message) {
        return new ODataException(409, "Conflict", message);
    }

    static ODataException preconditionFailed(String message) {
        return new ODataException(412, "PreconditionFailed", message);
    }
}
